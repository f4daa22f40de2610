// The same gRPC service on Spring Boot 4.1, which has gRPC built in: it built and passed its own tests on Boot's
// gRPC server and client modules, with none of Spring gRPC 1.0's Boot starters or auto-configuration on its class path
// (netty and kafka versions pinned in goal.txt to ones Maven Central serves here).
def projectDir = context.projectDir as File
def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
assert dependencies.any { it.contains('org.springframework.boot:spring-boot:jar:4.1.2') } : 'not built on Boot 4.1.2'
assert dependencies.any { it.contains('org.springframework.boot:spring-boot-grpc-server:jar:4.1.2') }
assert dependencies.any { it.contains('org.springframework.boot:spring-boot-grpc-client:jar:4.1.2') }
def springGrpcBoot = dependencies.findAll { it =~ /org\.springframework\.grpc:spring-grpc-[a-z]+-spring-boot-/ }
assert springGrpcBoot.isEmpty() : "Spring gRPC 1.0's Boot modules on a Boot 4.1 class path: $springGrpcBoot"
assert !dependencies.any { it =~ /org\.springframework\.boot:[^:]+:jar:4\.0\./ } : 'a Boot 4.0 module on a Boot 4.1 class path'
return true
