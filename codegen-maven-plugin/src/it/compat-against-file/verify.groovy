def log = new File(basedir, 'build.log').text
assert log.contains('Switchboard compat against baseline/service-1.0.yaml: 0 breaking, 3 compatible')
assert log.contains('COMPATIBLE field-removed-reserved Entry.memo')
assert log.contains('COMPATIBLE operation-added operation listEntries')
def report = new File(basedir, 'target/switchboard/compat-report.json').text
assert report.contains('"breaking": 0')
return true
