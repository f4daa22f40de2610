// The generated REST service built and passed its tests; its class path (every scope, from
// dependency:list) holds REST and nothing of gRPC, a broker or Spring Security (security=none is the
// default), and nothing gRPC was generated.
// basedir is this case's directory; context.projectDir the generated project.
def projectDir = context.projectDir as File
def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
        .findResults { (it =~ /^\s+([^:\s]+):([^:\s]+):/).with { it.find() ? it.group(1) + ':' + it.group(2) : null } }
assert dependencies.contains('dev.switchboard:switchboard-rest') : "no switchboard-rest in $dependencies"
assert dependencies.contains('org.apache.httpcomponents.client5:httpclient5') : "not the starter's HTTP client: $dependencies"
def forbidden = [/io\.grpc:.*/, /org\.springframework\.grpc:.*/, /dev\.switchboard:switchboard-(spring-boot-starter-)?grpc/,
                 /org\.apache\.kafka:kafka-clients/, /org\.springframework\.kafka:.*/, /org\.springframework\.amqp:spring-rabbit.*/,
                 /com\.rabbitmq:amqp-client/, /io\.nats:jnats/, /org\.springframework\.security:.*/]
def found = dependencies.findAll { dependency -> forbidden.any { dependency ==~ it } }
assert found.isEmpty() : "a REST-only service has these on its class path: $found"
def generated = []
new File(projectDir, 'target/generated-sources/switchboard').eachFileRecurse { if (it.name.contains('Grpc')) generated << it.name }
assert generated.isEmpty() : "gRPC code generated for a REST-only service: $generated"
return true
