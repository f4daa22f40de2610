// The Maven Wrapper script must stay executable; archetype resources lose file modes.
def wrapper = new File(request.outputDirectory, request.artifactId + "/mvnw")
if (wrapper.exists()) {
    wrapper.setExecutable(true, false)
}
