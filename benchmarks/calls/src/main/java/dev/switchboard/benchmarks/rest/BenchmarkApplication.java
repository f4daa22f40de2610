package dev.switchboard.benchmarks.rest;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** One service, served twice: by the generated routes at {@code /items} and by hand at {@code /hand/items}. */
@SpringBootApplication
public class BenchmarkApplication {

    /** What every benchmark application runs with: no banner, warnings only. */
    public static final String[] QUIET = {"spring.main.banner-mode=off", "logging.level.root=warn"};

    /** The server on a free port; its base URL is {@link #baseUrl}. */
    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(BenchmarkApplication.class)
                .properties(QUIET).properties("server.port=0")
                .run(args);
    }

    public static String baseUrl(ConfigurableApplicationContext server) {
        return "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    /** {@code bench.downstream-ms}: how long each read waits on a simulated downstream (0). */
    @Bean
    CatalogStore catalogStore(@Value("${bench.downstream-ms:0}") long downstreamMillis) {
        return new CatalogStore(Duration.ofMillis(downstreamMillis));
    }
}
