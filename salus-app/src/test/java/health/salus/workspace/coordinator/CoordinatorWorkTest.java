package health.salus.workspace.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.salus.fhir.ResourceStore;
import health.salus.patients.mpi.review.DuplicateReview;
import health.salus.patients.mpi.review.DuplicateReviewDesk;
import health.salus.patients.mpi.review.DuplicateReviews;
import health.salus.patients.mpi.review.ReviewRefusedException;
import health.salus.patients.registration.Registrations;
import health.salus.scheduling.availability.ScheduleSetup;
import health.salus.scheduling.booking.Appointments;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.TestUsers;
import health.salus.workspace.frontdesk.DeskClinic;
import java.util.List;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * The coordinator's work below the pages, as a signed-in user: a call the patient cancels cancels the
 * appointment through scheduling (its time free again) and completes the task; an unanswered call stays
 * open and counts its attempts; someone outside the patient's care, or without the policy's leave, is
 * refused and changes nothing. Duplicate decisions are made once and only by whoever may merge.
 */
@SalusIntegrationTest
class CoordinatorWorkTest {

    @Autowired
    ResourceStore store;
    @Autowired
    ScheduleSetup setup;
    @Autowired
    Registrations registrations;
    @Autowired
    Appointments appointments;
    @Autowired
    SystemAccess system;
    @Autowired
    DuplicateReviews reviews;
    @Autowired
    DuplicateReviewDesk desk;
    @Autowired
    ConfirmationCalls calls;
    @Autowired
    Accounts accounts;

    private CoordinatorClinic clinic;

    @BeforeEach
    void clinic() {
        clinic = new CoordinatorClinic(new DeskClinic(store, setup, registrations, appointments, system), store,
                system, reviews);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCallThePatientCancelsCancelsTheAppointmentFreesItsTimeAndCompletesTheTask() {
        CoordinatorClinic.Call call = clinic.highRiskAppointment("10:00");
        asUser(Role.CARE_COORDINATOR, "Practitioner/" + clinic.coordinator);

        assertThat(calls.open()).extracting(ConfirmationCalls.CallTask::taskId).contains(call.taskId());
        calls.patientCancelled(call.taskId());

        assertThat(calls.open()).extracting(ConfirmationCalls.CallTask::taskId).doesNotContain(call.taskId());
        SecurityContextHolder.clearContext();
        Appointment appointment = clinic.read(Appointment.class, call.appointmentId());
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(appointment.getCancelationReason().getCodingFirstRep().getCode()).isEqualTo("pat");
        Task task = clinic.read(Task.class, call.taskId());
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(task.getNote()).extracting(n -> n.getText()).containsExactly(ConfirmationCalls.CANCELLED);
        // the reservation was released: another patient can be booked at the very same time
        DeskClinic other = new DeskClinic(store, setup, registrations, appointments, system);
        String patient = other.register(other.person());
        assertThat(other.book(patient, clinic.provider, clinic.site, call.day(), "10:00").status()).isEqualTo("booked");
    }

    @Test
    void anUnansweredCallStaysOpenAndCountsItsAttemptsThenAConfirmationClosesItAndKeepsTheVisit() {
        CoordinatorClinic.Call call = clinic.highRiskAppointment("11:00");
        asUser(Role.CARE_COORDINATOR, "Practitioner/" + clinic.coordinator);

        calls.noAnswer(call.taskId());
        calls.noAnswer(call.taskId());

        ConfirmationCalls.CallTask open = calls.open().stream().filter(c -> c.taskId().equals(call.taskId()))
                .findFirst().orElseThrow();
        assertThat(open.attempts()).isEqualTo(2);
        assertThat(open.lastAttempt()).isPresent();
        calls.confirmed(call.taskId());
        assertThat(calls.open()).extracting(ConfirmationCalls.CallTask::taskId).doesNotContain(call.taskId());
        // a second outcome for a closed call is refused
        assertThatThrownBy(() -> calls.noAnswer(call.taskId())).isInstanceOf(ConfirmationCalls.CallClosedException.class);
        SecurityContextHolder.clearContext();
        assertThat(clinic.read(Task.class, call.taskId()).getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(clinic.read(Appointment.class, call.appointmentId()).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);
    }

    @Test
    void aCoordinatorOutsideThePatientsCareNeitherSeesNorClosesTheCall() {
        CoordinatorClinic.Call call = clinic.highRiskAppointment("12:00");
        CoordinatorClinic stranger = new CoordinatorClinic(new DeskClinic(store, setup, registrations, appointments,
                system), store, system, reviews);
        asUser(Role.CARE_COORDINATOR, "Practitioner/" + stranger.coordinator);

        assertThat(calls.open()).extracting(ConfirmationCalls.CallTask::taskId).doesNotContain(call.taskId());
        assertThatThrownBy(() -> calls.patientCancelled(call.taskId())).isInstanceOf(ForbiddenOperationException.class);

        SecurityContextHolder.clearContext();
        assertThat(clinic.read(Task.class, call.taskId()).getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(clinic.read(Appointment.class, call.appointmentId()).getStatus())
                .isEqualTo(Appointment.AppointmentStatus.BOOKED);
    }

    @Test
    void aBillerMayNotOpenTheCallsOfAPatient() {
        CoordinatorClinic.Call call = clinic.highRiskAppointment("13:00");
        asUser(Role.BILLER, null);

        assertThatThrownBy(() -> calls.confirmed(call.taskId())).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(calls::open).isInstanceOf(ForbiddenOperationException.class);
    }

    @Test
    void aPairIsDecidedOnceAndTheReviewerSeesBothRecords() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        asUser(Role.CARE_COORDINATOR, "Practitioner/" + clinic.coordinator);

        assertThat(desk.pair(pair.reviewId()).bothVisible()).isTrue();
        assertThat(desk.pair(pair.reviewId()).comparison().orElseThrow().levels()).containsEntry("family", "agree");
        desk.notDuplicate(pair.reviewId());

        assertThatThrownBy(() -> desk.notDuplicate(pair.reviewId())).isInstanceOf(ReviewRefusedException.class)
                .extracting(e -> ((ReviewRefusedException) e).reason())
                .isEqualTo(ReviewRefusedException.Reason.ALREADY_DECIDED);
        assertThatThrownBy(() -> desk.merge(pair.reviewId(), pair.onFile())).isInstanceOf(ReviewRefusedException.class);
        assertThat(reviews.find(pair.reviewId()).orElseThrow().status()).isEqualTo(DuplicateReview.Status.NOT_DUPLICATE);
    }

    @Test
    void aMergeKeepsTheChosenRecordAndASurvivorOutsideThePairIsRefused() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        asUser(Role.CARE_COORDINATOR, "Practitioner/" + clinic.coordinator);

        assertThatThrownBy(() -> desk.merge(pair.reviewId(), "someone-else"))
                .isInstanceOf(ReviewRefusedException.class);
        desk.merge(pair.reviewId(), pair.newRecord());

        SecurityContextHolder.clearContext();
        assertThat(reviews.find(pair.reviewId()).orElseThrow().status()).isEqualTo(DuplicateReview.Status.MERGED);
        Patient mergedAway = clinic.read(Patient.class, pair.onFile());
        assertThat(mergedAway.getActive()).isFalse();
        assertThat(mergedAway.getLink()).anySatisfy(link -> assertThat(link.getOther().getReference())
                .endsWith("Patient/" + pair.newRecord()));
    }

    @Test
    void aBillerMayNeitherListNorDecideDuplicates() {
        CoordinatorClinic.Pair pair = clinic.duplicatePair();
        asUser(Role.BILLER, null);

        assertThatThrownBy(() -> desk.open(0, 20)).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> desk.notDuplicate(pair.reviewId())).isInstanceOf(ForbiddenOperationException.class);
        assertThatThrownBy(() -> desk.merge(pair.reviewId(), pair.onFile()))
                .isInstanceOf(ForbiddenOperationException.class);
        assertThat(reviews.find(pair.reviewId()).orElseThrow().status()).isEqualTo(DuplicateReview.Status.OPEN);
    }

    /** Signs a new account of {@code role} in for this thread, as a browser session would be. */
    private void asUser(Role role, String fhirUser) {
        String username = TestUsers.create(accounts, role, fhirUser);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                User.withUsername(username).password("unused").roles().build(), null, List.of()));
    }
}
