import java.security.KeyPairGenerator

def project = new File(request.outputDirectory, request.artifactId)

// The Maven Wrapper script must stay executable; archetype resources lose file modes.
def wrapper = new File(project, "mvnw")
if (wrapper.exists()) {
    wrapper.setExecutable(true, false)
}

// security: none keeps the project free of Spring Security; jwt secures the contract and adds a
// development key pair, made here so that no two generated projects trust the same key.
def allowed = ['none', 'jwt']
def security = request.properties.getProperty('security', 'none')
if (!allowed.contains(security)) {
    project.deleteDir() // a half-made project would only be in the way of the next attempt
    throw new IllegalArgumentException("-Dsecurity=" + security + " is not supported: use one of "
            + allowed.join(', ') + " (none: no authentication, jwt: OAuth2 bearer tokens)")
}
def testDir = "src/test/java/" + request.properties.getProperty('package').replace('.', '/')
def jwtOnly = [testDir + "/DevTokens.java", testDir + "/TestTokens.java", testDir + "/SecurityTest.java",
               "src/main/resources/application-dev.yml"]
if (security == 'none') {
    jwtOnly.each { new File(project, it).delete() }
} else {
    def pem = { String type, byte[] der ->
        "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".bytes).encodeToString(der) +
                "\n-----END " + type + "-----\n"
    }
    def generator = KeyPairGenerator.getInstance("RSA")
    generator.initialize(2048)
    def pair = generator.generateKeyPair()
    def devDir = new File(project, "src/dev")
    devDir.mkdirs()
    new File(devDir, "dev-jwt.pub").text = pem("PUBLIC KEY", pair.public.encoded)
    new File(devDir, "dev-jwt.key").text = pem("PRIVATE KEY", pair.private.encoded)
}
