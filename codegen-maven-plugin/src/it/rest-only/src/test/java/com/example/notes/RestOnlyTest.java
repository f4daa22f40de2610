package com.example.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The service on a random HTTP port, called through the generated REST client, with no gRPC anywhere. */
class RestOnlyTest {

    private static final Pattern GRPC = Pattern.compile("(^|[/\\\\])(io/grpc|grpc-[^/\\\\]*\\.jar|switchboard-grpc|spring-grpc)");

    @Test
    void noGrpcArtifactIsOnTheClassPath() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            assertFalse(GRPC.matcher(entry).find(), "gRPC on the class path: " + entry);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.grpc.Channel"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.notes.NotesGrpcClient"));
    }

    @Test
    void theGeneratedClientCallsTheGeneratedRoutesOverHttp() {
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(NotesApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off")
                .run()) {
            String port = server.getEnvironment().getProperty("local.server.port");
            try (ConfigurableApplicationContext caller = new SpringApplicationBuilder(NotesApplication.class)
                    .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off",
                            "switchboard.services.notes.client.base-url=http://127.0.0.1:" + port)
                    .run()) {
                NotesClient client = caller.getBean(NotesClient.class);

                client.addNote(new Note("n-1", "buy milk"));
                assertEquals("buy milk", client.getNote(new NoteId("n-1")).text());
                NoteNotFoundException missing = assertThrows(NoteNotFoundException.class,
                        () -> client.getNote(new NoteId("n-2")));
                assertEquals("note n-2 not found", missing.getMessage());
            }
        }
    }

    @Test
    void theClientOffersOnlyWhatRestCarries() {
        assertEquals(java.util.List.of("addNote", "getNote"), Arrays.stream(NotesClient.class.getMethods())
                .map(Method::getName).sorted().toList());
    }
}
