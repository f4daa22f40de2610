// The generated gRPC service built and passed its tests; its class path (every scope, from
// dependency:list) holds gRPC, an HTTP server for actuator, and nothing of Switchboard's REST, a
// broker or Spring Security (security=none is the default); nothing REST was generated, and no OpenAPI document.
// basedir is this case's directory; context.projectDir the generated project.
def projectDir = context.projectDir as File
def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
        .findResults { (it =~ /^\s+([^:\s]+):([^:\s]+):/).with { it.find() ? it.group(1) + ':' + it.group(2) : null } }
assert dependencies.containsAll(['dev.switchboard:switchboard-grpc', 'org.springframework.boot:spring-boot-starter-webmvc'])
def forbidden = [/dev\.switchboard:switchboard-(spring-boot-starter-)?rest/, /org\.apache\.kafka:kafka-clients/,
                 /org\.springframework\.kafka:.*/, /org\.springframework\.amqp:spring-rabbit.*/, /com\.rabbitmq:amqp-client/,
                 /io\.nats:jnats/, /org\.springframework\.security:.*/]
def found = dependencies.findAll { dependency -> forbidden.any { dependency ==~ it } }
assert found.isEmpty() : "a gRPC service has these on its class path: $found"
def generated = []
new File(projectDir, 'target/generated-sources/switchboard').eachFileRecurse { if (it.name.contains('Rest')) generated << it.name }
assert generated.isEmpty() : "REST code generated for a gRPC-only service: $generated"
assert !new File(projectDir, 'target/classes/META-INF/switchboard/inventory/openapi.yaml').exists()
return true
