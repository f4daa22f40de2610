// Every problem is reported, each with file:line:column, and nothing was generated.
def log = new File(basedir, 'build.log').text
def contract = 'src/main/switchboard/service.yaml'
def errors = log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains(contract + ':') }
['8:', '9:', '10:', '12:', '17:'].each { line ->
    assert errors.any { it.contains(contract + ':' + line) } : "no problem reported on line $line:\n${errors.join('\n')}"
}
assert errors.any { it.contains('Monie') }
assert errors.any { it.contains('19500') }
assert errors.any { it.contains('VANISHED') }
assert errors.any { it.contains('orderId') }
assert errors.every { it =~ /service\.yaml:\d+:\d+: .+ — .+/ } : 'each problem says what is wrong and what to write instead'
assert !new File(basedir, 'target/generated-sources/switchboard/com').exists()
return true
