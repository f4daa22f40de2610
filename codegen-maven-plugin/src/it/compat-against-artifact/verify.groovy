// Run 1 failed on the breaking changes, listing each with position and reason; run 2 allowed them.
def log = new File(basedir, 'build.log').text
assert log.contains('Switchboard compat against dev.switchboard.it:compat-v1:1.0: 4 breaking')
assert log.contains('src/main/switchboard/service.yaml:9:7: BREAKING field-tag-changed Entry.amount')
assert log.contains('BREAKING field-removed Entry.memo')
assert log.contains('BREAKING http-route-changed operation getEntry')
assert log.contains('BREAKING destination-renamed event entryPosted')
assert log.contains('COMPATIBLE field-added Entry.posted')
assert log.contains('[ERROR]') && log.contains('allowBreaking=true')
assert log.contains('breaking changes allowed (switchboard.compat.allowBreaking=true)')

def report = new File(basedir, 'target/switchboard/compat-report.json').text
assert report.contains('"breaking": 4')
assert report.contains('"rule": "field-tag-changed"')
assert report.contains('"affects": ["GRPC"]')
return true
