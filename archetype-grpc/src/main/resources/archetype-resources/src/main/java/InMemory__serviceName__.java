package ${package};

#if( $security == "jwt" )
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.security.Caller;
#end
import dev.switchboard.runtime.stream.StreamSink;
import dev.switchboard.runtime.stream.StreamSource;
#if( $security == "jwt" )
import java.util.List;
#end
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The service's logic, behind the generated {@link ${serviceName}Service} interface, in all four
 * gRPC call shapes: requests arrive validated against the contract, a thrown contract exception
 * becomes its gRPC status with details, streams are plain Java. Replace the map with your storage.
 */
@Service
public class InMemory${serviceName} implements ${serviceName}Service {

    private final Map<String, Integer> stock = new ConcurrentHashMap<>();

    @Override
    public StockLevel getStock(GetStockRequest request) {
        Integer quantity = stock.get(request.sku());
        if (quantity == null) {
            throw new UnknownSkuException(request.sku());
        }
        return new StockLevel(request.sku(), quantity);
    }

    @Override
    public StockLevel adjustStock(AdjustStockRequest request) {
        int updated = stock.merge(request.sku(), request.delta(), Integer::sum);
        if (updated < 0) {
            stock.merge(request.sku(), -request.delta(), Integer::sum);
            throw new NotEnoughStockException(request.sku());
        }
        return new StockLevel(request.sku(), updated);
    }

    @Override
    public void watchStock(WatchStockRequest request, StreamSink<StockLevel> responses) {
        for (String sku : request.skus()) {
            if (responses.isCancelled()) {
                return;
            }
            responses.send(new StockLevel(sku, stock.getOrDefault(sku, 0)));
        }
    }

    @Override
    public ImportSummary importStock(StreamSource<AdjustStockRequest> requests) {
        int imported = 0;
        for (AdjustStockRequest request : requests) {
            adjustStock(request);
            imported++;
        }
        return new ImportSummary(imported);
    }

    @Override
    public void checkStock(StreamSource<GetStockRequest> requests, StreamSink<StockLevel> responses) {
        for (GetStockRequest request : requests) {
            responses.send(new StockLevel(request.sku(), stock.getOrDefault(request.sku(), 0)));
        }
    }
#if( $security == "jwt" )

    /** The caller Spring Security authenticated, as the contract's pipeline hands it to every handler. */
    @Override
    public Identity whoAmI(WhoAmIRequest request) {
        Caller caller = CallContext.current().flatMap(CallContext::caller).orElseThrow();
        return new Identity(caller.subject(), caller.scopes().stream().sorted().toList());
    }
#end
}
