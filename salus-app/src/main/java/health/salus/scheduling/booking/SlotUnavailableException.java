package health.salus.scheduling.booking;

import health.salus.scheduling.availability.FreeSlot;
import java.util.List;

/** The requested time was taken (by a booking on any node); carries free alternatives to offer instead. */
public class SlotUnavailableException extends RuntimeException {

    private final transient List<FreeSlot> alternatives;

    public SlotUnavailableException(List<FreeSlot> alternatives) {
        super("The requested time is no longer free");
        this.alternatives = List.copyOf(alternatives);
    }

    public List<FreeSlot> alternatives() {
        return alternatives;
    }
}
