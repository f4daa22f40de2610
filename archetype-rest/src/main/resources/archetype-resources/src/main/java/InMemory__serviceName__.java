package ${package};

#if( $security == "jwt" )
import dev.switchboard.runtime.call.CallContext;
import dev.switchboard.runtime.security.Caller;
#end
import java.util.Comparator;
#if( $security == "jwt" )
import java.util.List;
#end
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The service's logic, behind the generated {@link ${serviceName}Service} interface: requests arrive
 * already validated against the contract, and a thrown {@link ItemNotFoundException} becomes a 404
 * problem+json. Replace the map with your storage.
 */
@Service
public class InMemory${serviceName} implements ${serviceName}Service {

    private final Map<String, Item> items = new ConcurrentHashMap<>();

    @Override
    public Item createItem(CreateItemRequest request) {
        Item item = new Item(UUID.randomUUID().toString(), request.name(), request.quantity());
        items.put(item.id(), item);
        return item;
    }

    @Override
    public Item getItem(ItemId request) {
        Item item = items.get(request.id());
        if (item == null) {
            throw new ItemNotFoundException(request.id());
        }
        return item;
    }

    @Override
    public ItemList listItems(ListItemsRequest request) {
        int limit = request.pageSize() == 0 ? 100 : request.pageSize();
        return new ItemList(items.values().stream().sorted(Comparator.comparing(Item::name)).limit(limit).toList());
    }

    @Override
    public Item deleteItem(ItemId request) {
        Item removed = items.remove(request.id());
        if (removed == null) {
            throw new ItemNotFoundException(request.id());
        }
        return removed;
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
