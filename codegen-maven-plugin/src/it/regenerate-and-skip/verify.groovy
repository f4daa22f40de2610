def log = new File(basedir, 'build.log').text
def generatedCount = log.count('Switchboard: generated from')
def skippedCount = log.count('generation skipped')
assert skippedCount == 1 : "expected one skipped run, log:\n$log"
assert generatedCount == 2 : "expected two generating runs, log:\n$log"

def pkg = new File(basedir, 'target/generated-sources/switchboard/com/example/notes')
assert new File(pkg, 'NewNote.java').isFile()
assert new File(pkg, 'Note.java').text.contains('pinned')
assert !new File(pkg, 'Draft.java').exists() : 'stale Draft.java must be removed'
assert new File(basedir, 'target/classes/com/example/notes/NewNote.class').isFile()
return true
