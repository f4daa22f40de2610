package ${package};

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ${serviceName}: the generated subscriptions deliver to {@link Shipping} and {@link ShipmentLog}; nothing else is wired by hand. */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
