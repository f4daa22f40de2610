package dev.switchboard.benchmarks.rest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** One service, served twice: by the generated routes at {@code /items} and by hand at {@code /hand/items}. */
@SpringBootApplication
public class BenchmarkApplication {

    @Bean
    CatalogStore catalogStore() {
        return new CatalogStore();
    }
}
