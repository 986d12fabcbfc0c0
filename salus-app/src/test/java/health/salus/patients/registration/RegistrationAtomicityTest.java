package health.salus.patients.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.ResourceStore;
import health.salus.security.SystemAccess;
import health.salus.support.SalusIntegrationTest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records and the PatientRegistered outbox row share one database transaction: the store joins the
 * caller's transaction, so whatever fails after the store write takes the patient and the event with it.
 */
@SalusIntegrationTest
class RegistrationAtomicityTest {

    @Autowired
    PatientRegistrations registrations;
    @Autowired
    RegistrationValidator validator;
    @Autowired
    ResourceStore store;
    @Autowired
    SystemAccess systemAccess;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailureAfterTheStoreWriteLeavesNeitherPatientNorEvent() {
        AtomicReference<Registration> registered = new AtomicReference<>();
        assertThatThrownBy(() -> systemAccess.run("registration-test", () -> tx.executeWithoutResult(status -> {
            registered.set(registrations.register(validator.check(
                    RegistrationJsonMapping.read(new RegistrationJson().json()))));
            // the records are written and the event published, inside the transaction: now it fails
            assertThat(eventsFor(registered.get().patientId())).isPositive();
            throw new IllegalStateException("failure after the store write");
        }))).hasMessage("failure after the store write");
        String patientId = registered.get().patientId();
        assertThatThrownBy(() -> systemAccess.call("registration-test", () -> store.read("Patient", patientId)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> systemAccess.call("registration-test",
                () -> store.read("Consent", registered.get().consentId())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(eventsFor(patientId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from patients_registration where patient_id = ?",
                Integer.class, patientId)).isZero();
    }

    @Test
    void withoutAFailureTheSameCallCommitsPatientAndEventTogether() {
        Registration registration = systemAccess.call("registration-test", () -> tx.execute(status ->
                registrations.register(validator.check(RegistrationJsonMapping.read(new RegistrationJson().json())))));
        assertThat(systemAccess.call("registration-test", () -> store.read("Patient", registration.patientId())))
                .isNotNull();
        assertThat(eventsFor(registration.patientId())).isPositive();
    }

    private int eventsFor(String patientId) {
        return jdbc.queryForObject("select count(*) from event_publication where event_type like "
                + "'%PatientRegistered' and serialized_event like ?", Integer.class, "%" + patientId + "%");
    }
}
