package health.salus.scheduling.reminders;

import health.salus.messaging.PatientReplied;
import health.salus.scheduling.AppointmentBooked;
import health.salus.scheduling.AppointmentCancelled;
import health.salus.scheduling.AppointmentRescheduled;
import health.salus.scheduling.HighNoShowRiskDetected;
import health.salus.scheduling.reminders.ReminderLinks.Action;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reminders follow the appointment's life (booked, moved, cancelled, found at high no-show risk), and a
 * patient's "C" or "X" texted back to a reminder confirms or cancels the appointment it was about. Every
 * handler may run again (the outbox redelivers after a crash) and is harmless when it does.
 */
@Component
class ReminderListeners {

    private final ReminderSchedule schedule;
    private final ReminderAppointments appointments;
    private final ReminderRows rows;
    private final ReminderResponses responses;

    ReminderListeners(ReminderSchedule schedule, ReminderAppointments appointments, ReminderRows rows,
            ReminderResponses responses) {
        this.schedule = schedule;
        this.appointments = appointments;
        this.rows = rows;
        this.responses = responses;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        schedule.schedule(booked.appointmentId(), booked.start());
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled moved) {
        schedule.move(moved.appointmentId(), moved.previousStart(), moved.start());
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        schedule.withdraw(cancelled.appointmentId(), cancelled.start());
    }

    @ApplicationModuleListener
    void on(HighNoShowRiskDetected risk) {
        appointments.current(risk.appointmentId()).filter(current -> "booked".equals(current.status()))
                .ifPresent(current -> schedule.scheduleExtra(current.id(), current.start()));
    }

    @ApplicationModuleListener
    void on(PatientReplied reply) {
        Action action = switch (reply.intent()) {
            case CONFIRM -> Action.CONFIRM;
            case CANCEL -> Action.CANCEL;
            case OTHER -> null;
        };
        if (action != null) {
            rows.reminderOf(reply.notificationId()).ifPresent(reminder -> responses.respond(reminder.appointmentId(),
                    reminder.appointmentStart(), action, ReminderResponses.Via.SMS, Optional.of(reply.patientId())));
        }
    }
}
