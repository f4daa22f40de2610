package dev.switchboard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceArtifactsTest {

    @TempDir
    Path project;

    @Test
    void threePartsWithoutPathSeparatorsAreCoordinates() {
        assertThat(ServiceArtifacts.isCoordinates("com.acme:inventory-service:1.4.0", project)).isTrue();
        assertThat(ServiceArtifacts.isCoordinates("com.acme:inventory-service:[1.4,2.0)", project)).isTrue();
        assertThat(ServiceArtifacts.isCoordinates("com.acme:inventory-service:1.5.0-SNAPSHOT", project)).isTrue();
    }

    @Test
    void pathsStayFiles() throws IOException {
        assertThat(ServiceArtifacts.isCoordinates("../inventory/src/main/switchboard/service.yaml", project)).isFalse();
        assertThat(ServiceArtifacts.isCoordinates("C:\\contracts\\inventory.yaml", project)).isFalse();
        assertThat(ServiceArtifacts.isCoordinates("com.acme:inventory", project)).isFalse();
        assertThat(ServiceArtifacts.isCoordinates("com.acme::1.0", project)).isFalse();
        Files.writeString(project.resolve("odd:name:here"), "a file that happens to look like coordinates");
        assertThat(ServiceArtifacts.isCoordinates("odd:name:here", project)).isFalse();
    }
}
