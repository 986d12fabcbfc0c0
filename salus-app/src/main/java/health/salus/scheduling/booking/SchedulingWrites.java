package health.salus.scheduling.booking;

import java.util.function.Supplier;

/**
 * Marks the Appointment writes scheduling makes itself (with the reservation cells in the same
 * transaction), so that {@link PatientAppointmentWriteRule} can tell them from bare FHIR writes.
 * A thread-local suffices: the store writes on the caller's thread, inside the caller's call.
 */
final class SchedulingWrites {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private SchedulingWrites() {
    }

    static <T> T run(Supplier<T> write) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return write.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    static boolean active() {
        return ACTIVE.get();
    }
}
