// Shared by every broker's verify.groovy: the generated queue service's class path (every scope,
// from dependency:list) holds messaging, the JDBC outbox with H2, its own broker's client and an HTTP
// server for actuator, and nothing of gRPC, Switchboard's REST or another broker; no REST or gRPC code was generated.
def clients = [kafka   : [/org\.apache\.kafka:kafka-clients/, /org\.springframework\.kafka:spring-kafka/],
               rabbitmq: [/com\.rabbitmq:amqp-client/, /org\.springframework\.amqp:spring-rabbit/],
               nats    : [/io\.nats:jnats/]]
return { File projectDir, String broker ->
    def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
            .findResults { (it =~ /^\s+([^:\s]+):([^:\s]+):/).with { it.find() ? it.group(1) + ':' + it.group(2) : null } }
    def required = [/dev\.switchboard:switchboard-spring-boot-starter/,
                    /org\.springframework\.boot:spring-boot-starter-webmvc/,
                    /dev\.switchboard:switchboard-spring-boot-starter-jdbc/, /com\.h2database:h2/]
    if (broker != 'embedded') {
        required += [~/dev\.switchboard:switchboard-${broker}/] + clients[broker]
    }
    required.each { pattern -> assert dependencies.any { it ==~ pattern } : "$broker service lacks $pattern: $dependencies" }
    def forbidden = [/io\.grpc:.*/, /org\.springframework\.grpc:.*/, /dev\.switchboard:switchboard-(spring-boot-starter-)?(grpc|rest)/]
    clients.findAll { it.key != broker }.each { other, patterns ->
        forbidden += [~/dev\.switchboard:switchboard-(spring-boot-starter-)?${other}/] + patterns
    }
    def found = dependencies.findAll { dependency -> forbidden.any { dependency ==~ it } }
    assert found.isEmpty() : "a $broker queue service has these on its class path: $found"
    def generated = []
    new File(projectDir, 'target/generated-sources/switchboard').eachFileRecurse {
        if (it.name.contains('Rest') || it.name.contains('Grpc')) generated << it.name
    }
    assert generated.isEmpty() : "REST or gRPC code generated for a queue service: $generated"
    return true
}
