package dev.switchboard.samples.points;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The points service: everything but {@link PointsLedger} is generated from its contract and the order contract. */
@SpringBootApplication
public class PointsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PointsServiceApplication.class, args);
    }
}
