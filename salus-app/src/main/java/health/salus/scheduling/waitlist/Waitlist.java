package health.salus.scheduling.waitlist;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import health.salus.scheduling.availability.AvailabilityStore;
import health.salus.scheduling.availability.PractitionerCalendar;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.Reservation;
import health.salus.scheduling.booking.Reservations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Back-fills cancellations: freed time is offered to the longest-waiting matching patient as a hold
 * that owns the time's cells (so nobody else can book it) until it is claimed or expires; an expired
 * hold frees the time and offers it to the next patient. Expiry is a durable job, run once on one node.
 * Each hold tells its patient once ({@link OfferNotice}).
 */
@Service
public class Waitlist {

    static final String EXPIRY_TASK = "scheduling-hold-expiry";
    // named rather than injected: a lookup of the task bean by its type breaks once another module declares
    // a one-time task with String data too
    private static final TaskDescriptor<String> EXPIRY = TaskDescriptor.of(EXPIRY_TASK, String.class);
    private static final Logger LOG = LoggerFactory.getLogger(Waitlist.class);

    private final WaitlistRows rows;
    private final Reservations reservations;
    private final AvailabilityStore availability;
    private final Appointments appointments;
    private final OfferNotice notice;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final Clock clock;
    private final Duration hold;

    Waitlist(WaitlistRows rows, Reservations reservations, AvailabilityStore availability, Appointments appointments,
            OfferNotice notice, ObjectProvider<SchedulerClient> scheduler,
            PlatformTransactionManager transactions, Clock clock,
            @Value("${salus.scheduling.waitlist.hold:PT30M}") Duration hold) {
        this.rows = rows;
        this.reservations = reservations;
        this.availability = availability;
        this.appointments = appointments;
        this.notice = notice;
        this.scheduler = scheduler;
        this.tx = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.hold = hold;
    }

    /**
     * Puts a patient (whom the caller may see, with a privacy consent) on the list. A patient already
     * waiting (or holding an offer) for the same practitioner and visit type in an overlapping window,
     * at the same site or with either side open to any site, is not added twice: their existing entry
     * is returned instead, unchanged.
     */
    public Joined join(WaitlistRequest request, Instant windowStart, Instant windowEnd) {
        appointments.requireBookablePatient(request.patient());
        WaitlistEntry wanted = new WaitlistEntry(UUID.randomUUID().toString(), request.patient(),
                request.practitioner(), Optional.ofNullable(request.location()).filter(l -> !l.isBlank()),
                Optional.ofNullable(request.appointmentType()).filter(t -> !t.isBlank()).orElse("ROUTINE"),
                Optional.ofNullable(request.visitMode()).filter(m -> !m.isBlank()).orElse("in-person"), windowStart,
                windowEnd, "waiting", Optional.empty());
        return tx.execute(status -> rows.openOverlapping(wanted)
                .map(existing -> new Joined(existing.entryId(), existing.status(), false))
                .orElseGet(() -> {
                    rows.add(wanted);
                    return new Joined(wanted.entryId(), wanted.status(), true);
                }));
    }

    /** The entry a join left the patient with, and whether the join created it. */
    public record Joined(String entryId, String status, boolean created) {
    }

    /** Offers freed time to the first matching waiting patient; runs inside the caller's transaction. */
    void offer(String practitionerId, String locationId, Instant start, Instant end) {
        if (!start.isAfter(clock.instant())) {
            return;
        }
        Optional<WaitlistEntry> next = rows.firstWaitingFor(practitionerId, locationId, start, end);
        Optional<PractitionerCalendar> calendar = availability.calendar(practitionerId, start, end);
        if (next.isEmpty() || calendar.isEmpty()) {
            return;
        }
        WaitlistEntry entry = next.get();
        String reservationId = UUID.randomUUID().toString();
        Instant expires = clock.instant().plus(hold);
        try {
            savepoint.executeWithoutResult(status -> reservations.reserve(new Reservation(reservationId,
                    Optional.empty(), practitionerId, locationId, entry.patientId(), Reservation.Kind.HOLD, "held",
                    entry.visitMode(), start, end, end.plusSeconds(calendar.get().bufferMinutes() * 60L),
                    Optional.of(expires))));
        } catch (DuplicateKeyException | PessimisticLockingFailureException taken) {
            return;   // someone booked the time before the offer was made
        }
        rows.mark(entry.entryId(), "offered", Optional.of(reservationId));
        scheduler.getObject().scheduleIfNotExists(EXPIRY.instance(reservationId).data(reservationId).scheduledTo(expires));
        notice.send(reservationId, entry.patientId(), locationId, start, expires);
        LOG.info("Waitlist entry {} offered hold {} until {}", entry.entryId(), reservationId, expires);
    }

    /** The patient (or front desk) takes the offered time: the hold becomes a booked Appointment. */
    public AppointmentView claim(String entryId) {
        return tx.execute(status -> {
            WaitlistEntry entry = rows.lock(entryId).filter(e -> "offered".equals(e.status()))
                    .orElseThrow(() -> health.salus.platform.InvalidFieldsException.of("entry",
                            "This waitlist entry has no open offer"));
            AppointmentView booked = appointments.bookHold(entry.reservationId().orElseThrow(), entry.appointmentType());
            rows.mark(entryId, "booked", entry.reservationId());
            return booked;
        });
    }

    /** The hold ran out unclaimed: free the time and offer it to the next patient. */
    void expire(String reservationId) {
        tx.executeWithoutResult(status -> reservations.lock(reservationId)
                .filter(r -> r.kind() == Reservation.Kind.HOLD && "held".equals(r.status()))
                .ifPresent(held -> {
                    reservations.release(reservationId, "expired");
                    rows.offeredWith(reservationId).ifPresent(e -> rows.mark(e.entryId(), "expired", Optional.of(
                            reservationId)));
                    offer(held.practitionerId(), held.locationId(), held.start(), held.end());
                }));
    }
}
