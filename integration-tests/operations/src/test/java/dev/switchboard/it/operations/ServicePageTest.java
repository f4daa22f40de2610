package dev.switchboard.it.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/switchboard}: the JSON tools read, the page a person opens in a real browser (headless
 * Chromium driven by Playwright, screenshots kept in {@code target/page-screenshots}), and the switches that hide
 * it. Chromium, Node and npm missing fail the test: {@code bash .ci/tools.sh} installs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicePageTest {

    private static final Path WORK = Path.of("target", "page-check");
    private static final Path SCREENSHOTS = Path.of("target", "page-screenshots");

    private RunningShelf shelf;

    @BeforeAll
    void start() throws Exception {
        shelf = RunningShelf.start().useEverything();
    }

    @AfterAll
    void stop() {
        if (shelf != null) {
            shelf.close();
        }
    }

    @Test
    void toolsGetJsonWithRoutesEffectivePoliciesCountsAndCircuits() throws Exception {
        HttpResponse<String> response = shelf.get("/actuator/switchboard");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode page = JsonMapper.builder().build().readTree(response.body());
        assertThat(page.path("application").asString()).isEqualTo("shelf");
        JsonNode shelfService = page.path("services").get(0);
        JsonNode getItem = shelfService.path("operations").path("getItem");
        assertThat(getItem.path("routes").path("rest").asString()).isEqualTo("GET /items/{id}");
        assertThat(getItem.path("routes").path("grpc").asString()).endsWith("/GetItem");
        assertThat(getItem.path("policy").path("timeout").asString()).as("the override from the properties").isEqualTo("750ms");
        assertThat(getItem.path("policy").path("retry").path("attempts").asInt()).isEqualTo(3);
        assertThat(getItem.path("served").path("rest").path("count").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode itemChanged = shelfService.path("messages").path("itemChanged");
        assertThat(itemChanged.path("roles").valueStream().map(JsonNode::asString)).containsExactly("publisher", "consumer");
        assertThat(itemChanged.path("deadLetter").asString()).isEqualTo("shelf.items.changed.dlq");
        assertThat(shelfService.path("documents").path("openapi").asString()).as("relative to the page")
                .isEqualTo("switchboard/openapi/shelf.yaml");
        assertThat(page.path("clients").valueStream()
                .filter(client -> client.path("operation").asString().equals("getFragileItem")))
                .singleElement().satisfies(client -> {
                    assertThat(client.path("circuit").asString()).isEqualTo("OPEN");
                    assertThat(client.path("errors").asLong()).isEqualTo(client.path("count").asLong());
                });
    }

    @Test
    void aBrowserShowsThePageAndItsOpenApiAndAsyncApiViews() throws Exception {
        installPlaywright();
        Files.createDirectories(SCREENSHOTS);

        checkInChromium(shelf, "");
    }

    @Test
    void underAContextPathAndOnAManagementPortOfItsOwnEveryLinkStillWorks() throws Exception {
        installPlaywright();
        try (RunningShelf apart = RunningShelf.startApart().useCalls()) {
            assertThat(apart.get("/actuator/switchboard").statusCode()).isEqualTo(200);

            checkInChromium(apart, "apart-");

            String document = apart.get("/actuator/switchboard/openapi/shelf.yaml").body();
            assertThat(document).contains("/items/{id}").as("no relative URL reaches another port").doesNotContain("servers:");
        }
        try (RunningShelf underPath = RunningShelf.start("server.servlet.context-path=/shop")) {
            assertThat(underPath.get("/shop/actuator/switchboard/openapi/shelf.yaml").body())
                    .as("try it out calls the service under its context path").contains("servers:\n  - url: '/shop'");
            assertThat(underPath.get("/shop/actuator/switchboard/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
            assertThat(underPath.get("/shop/actuator/switchboard/swagger-ui/index.html").statusCode())
                    .as("only Swagger UI's two files").isEqualTo(404);
        }
    }

    /** The page, its links and views in Chromium, screenshots named with {@code prefix}. */
    private static void checkInChromium(RunningShelf shelf, String prefix) throws Exception {
        Result check = run(List.of("node", "page-check.mjs", shelf.management + "/actuator/switchboard",
                SCREENSHOTS.toAbsolutePath().toString(), prefix), 120);

        assertThat(check.exit()).as("the page check in Chromium:\n%s", check.output()).isZero();
        assertThat(check.output()).contains("\"ok\":true");
        for (String shot : List.of("service-page.png", "openapi-view.png", "asyncapi-view.png")) {
            assertThat(SCREENSHOTS.resolve(prefix + shot)).isRegularFile()
                    .satisfies(file -> assertThat(Files.size(file)).isGreaterThan(10_000));
        }
    }

    @Test
    void itFollowsTheActuatorSwitches() throws Exception {
        try (RunningShelf hidden = RunningShelf.start("management.endpoints.web.exposure.include=health,prometheus")) {
            assertThat(hidden.get("/actuator/switchboard").statusCode()).as("not exposed").isEqualTo(404);
        }
        try (RunningShelf off = RunningShelf.start("management.endpoint.switchboard.access=none")) {
            assertThat(off.get("/actuator/switchboard").statusCode()).as("switched off").isEqualTo(404);
            assertThat(off.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        }
    }

    private record Result(int exit, String output) {}

    private static void installPlaywright() throws Exception {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium: run bash .ci/tools.sh").isExecutable();
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "page-check.mjs")) {
            try (InputStream in = ServicePageTest.class.getResourceAsStream("/node/" + file)) {
                Files.copy(in, WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            Result npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
            assertThat(npm.exit()).as("npm install failed:\n%s", npm.output()).isZero();
        }
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + "s\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
