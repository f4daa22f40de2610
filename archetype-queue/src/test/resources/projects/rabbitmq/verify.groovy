// The generated service built and passed its tests on rabbitmq; ../class-path.groovy checks its class path.
// basedir is this case's directory; context.projectDir the generated project.
def check = evaluate(new File(basedir.parentFile, 'class-path.groovy'))
return check(context.projectDir as File, 'rabbitmq')
