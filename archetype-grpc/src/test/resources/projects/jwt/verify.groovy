// The gRPC service generated with -Dsecurity=jwt built and passed its tests, SecurityTest included
// (real RS256 tokens sent by the generated client: UNAUTHENTICATED, PERMISSION_DENIED, the handler
// sees the subject); the security starter is on its class path, its contract requires scopes, and a
// development key pair was made for it.
// basedir is this case's directory; context.projectDir the generated project.
def projectDir = context.projectDir as File
def dependencies = new File(projectDir, 'target/dependencies.txt').readLines()
        .findResults { line ->
            def match = line =~ /^\s+([^:\s]+):([^:\s]+):/
            match.find() ? match.group(1) + ':' + match.group(2) : null
        }
['dev.switchboard:switchboard-spring-boot-starter-security',
 'org.springframework.security:spring-security-oauth2-resource-server'].each {
    assert dependencies.contains(it) : "no $it in $dependencies"
}
assert !dependencies.contains('dev.switchboard:switchboard-rest') : 'the security starter brought REST'

def contract = new File(projectDir, 'src/main/switchboard/service.yaml').text
assert contract.contains('schemes: [jwt]') : contract
assert contract.contains('inventory:read: ') && contract.contains('inventory:write: ') : contract
assert contract.count('scopes: [inventory:read]') == 3 && contract.count('scopes: [inventory:write]') == 2 : contract

def report = new File(projectDir, 'target/surefire-reports/TEST-com.example.inventory.SecurityTest.xml')
assert report.exists() : 'SecurityTest did not run'
def tests = (report.text =~ /tests="(\d+)"/)[0][1] as int
assert tests >= 4 && report.text.contains('failures="0"') : report.text.take(500)

assert new File(projectDir, 'src/dev/dev-jwt.pub').text.startsWith('-----BEGIN PUBLIC KEY-----')
assert new File(projectDir, 'src/dev/dev-jwt.key').text.startsWith('-----BEGIN PRIVATE KEY-----')
assert new File(projectDir, 'src/main/resources/application.yml').text.contains('issuer-uri: ${JWT_ISSUER_URI}')
return true
