def log = new File(basedir, 'build.log').text
def runs = (log =~ /Switchboard: generated from src\/main\/switchboard\/service.yaml for transports ([^(]+) \((configured|from the class path)\): (\d+) files \((\d+) written, (\d+) unchanged, (\d+) stale removed\)/).collect { it }
assert runs.size() == 2 : "expected two generating runs, log:\n$log"
assert runs[0][1] == 'rest, grpc' && runs[0][2] == 'from the class path'
assert runs[1][1] == 'grpc' && runs[1][2] == 'configured'
// Leaving REST out removed the REST controller, client and configuration and the OpenAPI document.
assert (runs[1][6] as int) == 4 : "REST's files are stale once REST is left out: ${runs[1][0]}"
assert log.count('generation skipped') == 1 : 'an unchanged selection skips generation'

def generated = new File(basedir, 'target/generated-sources/switchboard/com/example/tracking')
assert generated.listFiles().findAll { it.name.contains('Rest') }.isEmpty()
['TrackingGrpc.java', 'TrackingGrpcService.java', 'TrackingGrpcClient.java', 'TrackingGrpcConfiguration.java'].each {
    assert new File(generated, it).isFile() : "missing $it"
}
assert new File(generated, 'TrackingClient.java').text.contains('followParcels()')
assert new File(basedir, 'target/classes/com/example/tracking/ParcelWatcher.class').isFile()
def specs = new File(basedir, 'target/classes/META-INF/switchboard/tracking')
assert !new File(specs, 'openapi.yaml').exists() : 'no OpenAPI document when nothing is served over REST'
assert new File(specs, 'tracking.proto').isFile()
return true
