package health.salus.support;

import health.salus.security.RecordsAccessed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Records what the access policy reported as accessed, so tests can see break-glass flags. */
public class AccessEvents {

    private final List<RecordsAccessed> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(RecordsAccessed event) {
        events.add(event);
    }

    public List<RecordsAccessed> all() {
        return List.copyOf(events);
    }

    public List<RecordsAccessed.Item> itemsFor(String subjectId) {
        return events.stream().filter(e -> e.subjectId().equals(subjectId)).flatMap(e -> e.items().stream()).toList();
    }
}
