// Run 1 built and tested a REST-only service; run 2 asked for transports it cannot have.
if (binding.hasVariable('expectedMavenVersion')) {
    assert mavenVersion.startsWith(expectedMavenVersion) : "ran on Maven $mavenVersion, not $expectedMavenVersion"
}
def log = new File(basedir, 'build.log').text
assert log.contains('Switchboard: generated from src/main/switchboard/service.yaml for transports rest (from the class path)')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')

def generated = new File(basedir, 'target/generated-sources/switchboard/com/example/notes')
['NotesRestController.java', 'NotesRestClient.java', 'NotesRestConfiguration.java', 'NotesClient.java'].each {
    assert new File(generated, it).isFile() : "missing $it"
}
def grpcFiles = generated.listFiles().findAll { it.name.contains('Grpc') }
assert grpcFiles.isEmpty() : "a REST-only build generated gRPC code: $grpcFiles"
def specs = new File(basedir, 'target/classes/META-INF/switchboard/notes')
assert new File(specs, 'openapi.yaml').isFile()
assert new File(specs, 'notes.proto').isFile() : 'the .proto is exported whatever the transports'

// Every generated line fits in 100 columns.
new File(basedir, 'target/generated-sources/switchboard').eachFileRecurse { file ->
    if (file.name.endsWith('.java')) {
        file.readLines().eachWithIndex { line, i ->
            assert line.length() <= 100 : "${file.name}:${i + 1} is ${line.length()} columns"
        }
    }
}

// Both problems of run 2, at once, each saying what to write.
assert log.contains("Unknown transport 'soap' in <transports> (switchboard.transports): use rest or grpc")
assert log.contains('Transport grpc is selected in <transports> but dev.switchboard:switchboard-grpc is not on the class path: '
        + 'add dev.switchboard:switchboard-spring-boot-starter-grpc to the dependencies, or leave grpc out of <transports>')
return true
