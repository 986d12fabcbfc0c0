package health.salus.scheduling.noshow;

import health.salus.scheduling.AppointmentBooked;
import health.salus.scheduling.AppointmentRescheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Predicts a new or moved appointment's no-show risk as soon as it is committed, so a high-risk visit
 * gets its coordinator call task days ahead rather than at the next daily assessment. Re-assessing is
 * harmless: the prediction is stored per model version and the call task is created once.
 */
@Component
class AssessOnBooking {

    private final NoShowRiskAssessment assessment;

    AssessOnBooking(NoShowRiskAssessment assessment) {
        this.assessment = assessment;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        assessment.assess(booked.appointmentId());
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled moved) {
        assessment.assess(moved.appointmentId());
    }
}
