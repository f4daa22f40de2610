package dev.switchboard.it.security.ledger;

import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;

/** Answers who called, as the handler sees it, and counts the calls that reached it. */
public final class RecordingLedger implements LedgerService {

    private final ObjectProvider<LedgerClient> downstream;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    RecordingLedger(ObjectProvider<LedgerClient> downstream) {
        this.downstream = downstream;
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    @Override
    public Identity whoAmI(WhoAmIRequest request) {
        count("whoAmI");
        return identity(null);
    }

    @Override
    public Identity relay(WhoAmIRequest request) {
        count("relay");
        Identity seen = downstream.getObject().whoAmI(request);
        return new Identity(seen.subject(), seen.scopes(), "relayed by " + identity(null).subject());
    }

    @Override
    public Entry record(Entry request) {
        count("record");
        return request;
    }

    @Override
    public Identity ping(WhoAmIRequest request) {
        count("ping");
        return identity("ping");
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, name -> new AtomicInteger()).incrementAndGet();
    }

    private static Identity identity(String via) {
        Caller caller = CallContext.current().flatMap(CallContext::caller).orElse(null);
        if (caller == null) {
            return new Identity("anonymous", List.of(), via);
        }
        return new Identity(caller.subject(), caller.scopes().stream().sorted().toList(), via);
    }
}
