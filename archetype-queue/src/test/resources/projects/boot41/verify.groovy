// The same service on Spring Boot 4.1 (netty and kafka versions pinned in goal.txt to ones Maven Central serves here):
// it built and passed its own tests, on Boot 4.1 throughout.
def projectDir = context.projectDir as File
def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
assert dependencies.any { it.contains('org.springframework.boot:spring-boot:jar:4.1.2') } : 'not built on Boot 4.1.2'
assert !dependencies.any { it =~ /org\.springframework\.boot:[^:]+:jar:4\.0\./ } : 'a Boot 4.0 module on a Boot 4.1 class path'
return true
