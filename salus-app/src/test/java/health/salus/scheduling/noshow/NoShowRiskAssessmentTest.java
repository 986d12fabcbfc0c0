package health.salus.scheduling.noshow;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.scheduling.HighNoShowRiskDetected;
import health.salus.security.SystemAccess;
import health.salus.support.SalusIntegrationTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Risk assessment against the store: the prediction is stored with its model version and reasons, a
 * high risk makes one coordinator call task (and asks for an extra reminder), a low risk neither.
 */
@SalusIntegrationTest
@RecordApplicationEvents
class NoShowRiskAssessmentTest {

    private static final ZoneId CLINIC = ZoneId.of("America/New_York");

    @Autowired
    NoShowRiskAssessment assessment;
    @Autowired
    NoShowPredictor predictor;
    @Autowired
    NoShowPredictions predictions;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    ApplicationEvents events;
    @Autowired
    UpcomingAppointmentsAssessment upcoming;

    @Test
    void aPatientWhoKeepsMissingVisitsBookedFarAheadOnAMondayMorningGetsOneCoordinatorCallTask() {
        String patient = create(new Patient().addName(new HumanName().setFamily("Nsh" + unique())));
        String practitioner = create(new Practitioner().addName(new HumanName().setFamily("Prac" + unique())));
        for (int i = 1; i <= 5; i++) {
            appointment(patient, practitioner, Instant.now().minus(Duration.ofDays(40L * i)), 30,
                    Appointment.AppointmentStatus.NOSHOW, "FOLLOWUP");
        }
        ZonedDateTime mondayMorning = ZonedDateTime.of(LocalDate.now(CLINIC).plusDays(60)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY)), LocalTime.of(8, 0), CLINIC);
        String booked = appointment(patient, practitioner, Instant.now(), mondayMorning.toInstant(), 15,
                Appointment.AppointmentStatus.BOOKED, "FOLLOWUP");

        Prediction prediction = assessment.assess(booked).orElseThrow();

        NoShowModel model = predictor.currentModel().orElseThrow();
        assertThat(prediction.probability()).isGreaterThanOrEqualTo(predictor.highRiskThreshold());
        assertThat(prediction.modelVersion()).isEqualTo(model.version());
        assertThat(prediction.topFeatures()).hasSizeBetween(1, 3).isSubsetOf(model.featureNames())
                .contains("patient's past no-show rate");
        NoShowPredictions.StoredPrediction stored = predictions.latest(booked).orElseThrow();
        assertThat(stored.prediction()).isEqualTo(prediction);
        assertThat(stored.patientId()).isEqualTo(patient);
        assertThat(stored.highRisk()).isTrue();
        List<Resource> tasks = tasksFor(booked);
        assertThat(tasks).hasSize(1);
        Task task = (Task) tasks.get(0);
        assertThat(stored.followUpTask()).contains(task.getIdElement().getIdPart());
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getPerformerTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("768820003");
        assertThat(task.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(mondayMorning.toInstant());
        assertThat(events.stream(HighNoShowRiskDetected.class).filter(e -> e.appointmentId().equals(booked)))
                .singleElement().satisfies(e -> assertThat(e.patientId()).isEqualTo(patient));

        assessment.assess(booked).orElseThrow();

        assertThat(tasksFor(booked)).as("assessed again: still one task, no second reminder").hasSize(1);
        assertThat(events.stream(HighNoShowRiskDetected.class).filter(e -> e.appointmentId().equals(booked)))
                .hasSize(1);
    }

    @Test
    void aReliablePatientsCheckupNextWeekIsLowRiskAndCreatesNoTask() {
        String patient = create(new Patient().addName(new HumanName().setFamily("Nsh" + unique())));
        String practitioner = create(new Practitioner().addName(new HumanName().setFamily("Prac" + unique())));
        for (int i = 1; i <= 6; i++) {
            appointment(patient, practitioner, Instant.now().minus(Duration.ofDays(60L * i)), 45,
                    Appointment.AppointmentStatus.FULFILLED, "CHECKUP");
        }
        ZonedDateTime wednesdayLateMorning = ZonedDateTime.of(LocalDate.now(CLINIC)
                .with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)), LocalTime.of(11, 0), CLINIC);
        String booked = appointment(patient, practitioner, wednesdayLateMorning.toInstant().minus(Duration.ofDays(2)),
                wednesdayLateMorning.toInstant(), 60, Appointment.AppointmentStatus.BOOKED, "CHECKUP");

        Prediction prediction = assessment.assess(booked).orElseThrow();

        assertThat(prediction.probability()).isLessThan(predictor.highRiskThreshold());
        assertThat(predictions.latest(booked).orElseThrow().highRisk()).isFalse();
        assertThat(predictions.latest(booked).orElseThrow().followUpTask()).isEmpty();
        assertThat(tasksFor(booked)).isEmpty();
        assertThat(events.stream(HighNoShowRiskDetected.class).filter(e -> e.appointmentId().equals(booked))).isEmpty();
    }

    @Test
    void theDailySweepAssessesAppointmentsBookedForTheComingDaysButNotLaterOnes() {
        String patient = create(new Patient().addName(new HumanName().setFamily("Nsh" + unique())));
        String practitioner = create(new Practitioner().addName(new HumanName().setFamily("Prac" + unique())));
        Instant inThreeDays = Instant.now().plus(Duration.ofDays(3));
        String soon = appointment(patient, practitioner, Instant.now().minus(Duration.ofDays(1)), inThreeDays, 30,
                Appointment.AppointmentStatus.BOOKED, "ROUTINE");
        String later = appointment(patient, practitioner, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), 30, Appointment.AppointmentStatus.BOOKED, "ROUTINE");

        assertThat(upcoming.assessUpcoming()).isPositive();

        assertThat(predictions.latest(soon)).isPresent();
        assertThat(predictions.latest(later)).isEmpty();
    }

    @Test
    void anAppointmentWithoutAPractitionerIsNotPredicted() {
        String patient = create(new Patient().addName(new HumanName().setFamily("Nsh" + unique())));
        Appointment appointment = new Appointment().setStatus(Appointment.AppointmentStatus.BOOKED)
                .setStart(Date.from(Instant.now().plus(Duration.ofDays(3))))
                .setEnd(Date.from(Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofMinutes(20))));
        appointment.addParticipant().setActor(new Reference("Patient/" + patient))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        String id = create(appointment);

        assertThat(assessment.assess(id)).isEmpty();
        assertThat(predictions.latest(id)).isEmpty();
    }

    private String appointment(String patient, String practitioner, Instant start, int minutes,
            Appointment.AppointmentStatus status, String type) {
        return appointment(patient, practitioner, start.minus(Duration.ofDays(14)), start, minutes, status, type);
    }

    private String appointment(String patient, String practitioner, Instant created, Instant start, int minutes,
            Appointment.AppointmentStatus status, String type) {
        Appointment appointment = new Appointment().setStatus(status)
                .setAppointmentType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0276",
                        type, null)))
                .setStart(Date.from(start)).setEnd(Date.from(start.plus(Duration.ofMinutes(minutes))))
                .setCreated(Date.from(created));
        appointment.addParticipant().setActor(new Reference("Patient/" + patient))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        appointment.addParticipant().setActor(new Reference("Practitioner/" + practitioner))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return create(appointment);
    }

    private String create(Resource resource) {
        return systemAccess.call("no-show test data", () -> store.create(resource, java.util.Optional.empty()))
                .resource().getIdElement().getIdPart();
    }

    private List<Resource> tasksFor(String appointmentId) {
        return systemAccess.call("no-show test", () -> store.search(new SearchRequest("Task",
                Map.of("focus", List.of("Appointment/" + appointmentId))))).matches();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
