package health.salus.scheduling.reminders;

import health.salus.platform.InvalidFieldsException;
import health.salus.scheduling.AppointmentConfirmed;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.reminders.ReminderLinks.Action;
import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's answer to a reminder, from its signed link or a text reply: confirm (recorded beside the
 * booked Appointment, once per start) or cancel (reason "pat", through the same path as the front desk,
 * so the time is freed and the reminders withdrawn). The answer applies only to the start the reminder
 * was about: after a move the old link and the old text no longer act. Nobody is signed in, so the change
 * runs as Salus, on the authority of the signed link or the patient's known phone number.
 */
@Service
class ReminderResponses {

    static final String PATIENT_CANCELLED = "pat";
    private static final Logger log = LoggerFactory.getLogger(ReminderResponses.class);

    enum Via { LINK, SMS }

    enum Outcome { CONFIRMED, ALREADY_CONFIRMED, CANCELLED, NOT_BOOKED, MOVED }

    private final ReminderAppointments appointments;
    private final Appointments lifecycle;
    private final ReminderRows rows;
    private final SystemAccess system;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderResponses(ReminderAppointments appointments, Appointments lifecycle, ReminderRows rows,
            SystemAccess system, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.appointments = appointments;
        this.lifecycle = lifecycle;
        this.rows = rows;
        this.system = system;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The appointment as it is now ({@code patientId}, when known from a text reply, must be its patient). */
    Optional<AppointmentView> current(String appointmentId, Optional<String> patientId) {
        return appointments.current(appointmentId).filter(found -> patientId.map(found.patient()::equals).orElse(true));
    }

    /** Why an answer about {@code start} cannot apply to the appointment as it is now; empty when it can. */
    static Optional<Outcome> refusal(Optional<AppointmentView> current, Instant start) {
        if (current.isEmpty() || !"booked".equals(current.get().status())) {
            return Optional.of(Outcome.NOT_BOOKED);
        }
        return ReminderAppointments.stillBookedFor(current.get(), start) ? Optional.empty()
                : Optional.of(Outcome.MOVED);
    }

    Outcome respond(String appointmentId, Instant start, Action action, Via via, Optional<String> patientId) {
        Optional<AppointmentView> current = current(appointmentId, patientId);
        Optional<Outcome> refused = refusal(current, start);
        if (refused.isPresent()) {
            log.info("Reminder answer ({}, {}) not applied: appointment={} {}", action, via, appointmentId,
                    refused.get());
            return refused.get();
        }
        Outcome outcome = action == Action.CONFIRM ? confirm(current.get(), via) : cancel(current.get());
        log.info("Reminder answer ({}, {}): appointment={} {}", action, via, appointmentId, outcome);
        return outcome;
    }

    Optional<Instant> confirmedAt(String appointmentId, Instant start) {
        return rows.confirmedAt(appointmentId, start);
    }

    private Outcome confirm(AppointmentView appointment, Via via) {
        String code = via.name().toLowerCase(Locale.ROOT);
        return transaction.execute(status -> {
            if (!rows.confirm(appointment.id(), appointment.start(), code, clock.instant())) {
                return Outcome.ALREADY_CONFIRMED;
            }
            events.publishEvent(new AppointmentConfirmed(appointment.id(), appointment.patient(),
                    appointment.start(), code));
            return Outcome.CONFIRMED;
        });
    }

    private Outcome cancel(AppointmentView appointment) {
        try {
            system.run("patient cancelled from a reminder", () -> lifecycle.changeStatus(appointment.id(),
                    AppointmentStatus.CANCELLED, Optional.of(PATIENT_CANCELLED)));
            return Outcome.CANCELLED;
        } catch (InvalidFieldsException changedMeanwhile) {
            return Outcome.NOT_BOOKED;
        }
    }
}
