package dev.switchboard.it.security.ledger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Ledger service: generated REST and gRPC adapters in front of {@link RecordingLedger}, secured by the starter. */
@SpringBootApplication
public class LedgerApplication {

    @Bean
    RecordingLedger ledger(ObjectProvider<LedgerClient> downstream) {
        return new RecordingLedger(downstream);
    }
}
