def log = new File(basedir, 'build.log').text
def generatedCount = log.count('Switchboard: generated from')
def skippedCount = log.count('generation skipped')
assert skippedCount == 1 : "expected one skipped run, log:\n$log"
assert generatedCount == 2 : "expected two generating runs, log:\n$log"

def pkg = new File(basedir, 'target/generated-sources/switchboard/com/example/notes')
assert new File(pkg, 'NewNote.java').isFile()
assert new File(pkg, 'Note.java').text.contains('pinned')
assert !new File(pkg, 'Draft.java').exists() : 'stale Draft.java must be removed'
assert !new File(pkg, 'DraftProtoCodec.java').exists() : 'stale DraftProtoCodec.java must be removed'
assert new File(basedir, 'target/classes/com/example/notes/NewNote.class').isFile()
// The contract change rewrote only the files whose content changed: the last generation reports
// unchanged files (here few: run 3 reads another file name, which every Java header carries).
def runs = (log =~ /Switchboard: generated from [^:]+: (\d+) files \((\d+) written, (\d+) unchanged, (\d+) stale removed\)/).collect { it }
assert runs.size() == 2
def last = runs[1]
assert (last[3] as int) > 0 : "an edit that touches two types must leave the others untouched: ${last[0]}"
assert (last[2] as int) < (last[1] as int)
assert (last[4] as int) == 2 : "Draft.java and DraftProtoCodec.java are the stale files: ${last[0]}"
return true
