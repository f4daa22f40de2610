package dev.switchboard.it.operations;

import dev.switchboard.it.operations.shelf.GetItemRequest;
import dev.switchboard.it.operations.shelf.Item;
import dev.switchboard.it.operations.shelf.ShelfEventsHandler;
import dev.switchboard.it.operations.shelf.ShelfService;
import dev.switchboard.runtime.ErrorCode;
import dev.switchboard.runtime.SwitchboardException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A shelf that serves and calls itself and consumes its own events, scripted so one process shows every meter
 * the dashboard and the rules name: retries, an open circuit, a redelivery, a dead letter, the outbox.
 */
@SpringBootApplication
public class ShelfApplication {

    @Bean
    ScriptedShelf shelf() {
        return new ScriptedShelf();
    }

    /** Items {@code flaky-*} fail their first attempt; fragile items always fail; events named poison are refused. */
    static final class ScriptedShelf implements ShelfService, ShelfEventsHandler {

        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Map<String, Item> handled = new ConcurrentHashMap<>();

        @Override
        public Item getItem(GetItemRequest request) {
            if (request.id().startsWith("flaky") && seen.add(request.id())) {
                throw unavailable("busy, try again");
            }
            return new Item(request.id(), "item " + request.id());
        }

        @Override
        public Item getFragileItem(GetItemRequest request) {
            throw unavailable("the fragile shelf is down");
        }

        @Override
        public void itemChanged(Item event) {
            if (event.name().equals("poison")) {
                throw new SwitchboardException(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_ARGUMENT.name(),
                        "cannot handle " + event.id(), Map.of());
            }
            if (event.name().equals("wobbly") && seen.add("event " + event.id())) {
                throw unavailable("not now");
            }
            handled.put(event.id(), event);
        }

        private static SwitchboardException unavailable(String message) {
            return new SwitchboardException(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.name(), message, Map.of());
        }
    }
}
