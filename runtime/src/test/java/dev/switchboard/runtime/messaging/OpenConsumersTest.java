package dev.switchboard.runtime.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenConsumersTest {

    @Test
    void aHandleClosesItsConsumerOnceAndCloseAllClosesTheRest() throws Exception {
        OpenConsumers consumers = new OpenConsumers();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        AutoCloseable handle = consumers.add(first::incrementAndGet);
        consumers.add(second::incrementAndGet);

        handle.close();
        handle.close();
        consumers.closeAll();
        consumers.closeAll();

        assertThat(first).hasValue(1);
        assertThat(second).hasValue(1);
    }
}
