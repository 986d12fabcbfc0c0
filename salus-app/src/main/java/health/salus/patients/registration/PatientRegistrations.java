package health.salus.patients.registration;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.messaging.Notifications;
import health.salus.patients.PatientRegistered;
import health.salus.patients.coverage.CoverageSystems;
import health.salus.patients.mpi.MatchAssessment;
import health.salus.patients.mpi.PatientIndex;
import health.salus.platform.ServiceUnavailableException;
import health.salus.security.CurrentSubject;
import health.salus.security.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a patient as the calling user: asks the master patient index first (a certain match is
 * refused, a probable one registered and queued for review), then stores Patient, Consent and Coverage
 * in one FHIR transaction and publishes {@link PatientRegistered}, all in one database transaction: the
 * store joins it, and the outbox row of the event commits or rolls back with the records.
 *
 * <p>A new patient's data key is created in a transaction of its own (crypto's DataKeys), so each
 * registration in flight briefly needs a second pooled connection while holding its first. Unbounded,
 * a burst of registrations larger than the pool holds every connection and waits for one more until the
 * pool times out; a per-node limit below the pool size keeps a burst queueing instead.
 */
@Service
class PatientRegistrations {

    private static final Logger log = LoggerFactory.getLogger(PatientRegistrations.class);

    private final ResourceStore store;
    private final MedicalRecordNumbers mrns;
    private final RegistrationRecords records;
    private final RegistrationProperties properties;
    private final PatientIndex index;
    private final Notifications notifications;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Semaphore inFlight;

    PatientRegistrations(ResourceStore store, MedicalRecordNumbers mrns, RegistrationRecords records,
            RegistrationProperties properties, PatientIndex index,
            Notifications notifications, CurrentSubject currentSubject,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate tx,
            @Value("${salus.patients.max-concurrent-registrations:4}") int maxConcurrent) {
        this.tx = tx;
        this.inFlight = new Semaphore(maxConcurrent, true);
        this.store = store;
        this.mrns = mrns;
        this.records = records;
        this.properties = properties;
        this.index = index;
        this.notifications = notifications;
        this.currentSubject = currentSubject;
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction if there is one (it then commits or rolls back with it). */
    Registration register(CheckedRegistration checked) {
        try {
            if (!inFlight.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new ServiceUnavailableException("Too many registrations in flight", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting to register", e);
        }
        try {
            return tx.execute(status -> registerInTransaction(checked));
        } finally {
            inFlight.release();
        }
    }

    private Registration registerInTransaction(CheckedRegistration checked) {
        Patient patient = NewPatient.of(checked);
        Optional<MatchAssessment> assessment = assess(patient);
        assessment.filter(a -> a.decision() == MatchAssessment.Decision.CERTAIN).ifPresent(this::refuseDuplicate);
        boolean possibleDuplicate = assessment.map(a -> a.decision() == MatchAssessment.Decision.PROBABLE)
                .orElse(false);
        String mrn = mrns.next();
        NewPatient.withMrn(patient, mrns.system(), mrn);
        Instant now = clock.instant();
        RegistrationBundle registration = new RegistrationBundle(patient, now);
        RegistrationRequest.Insurance insurance = checked.request().insurance();
        checked.payer().ifPresent(payer -> registration.addCoverage(payer, payerOrganization(payer.id()),
                insurance.memberId(), Optional.ofNullable(insurance.groupNumber()),
                checked.subscriberRelationship()));
        Bundle response = store.process(registration.bundle());
        String patientId = RegistrationBundle.idAt(response, registration.patientIndex());
        String consentId = RegistrationBundle.idAt(response, registration.consentIndex());
        Optional<String> coverageId = registration.coverageIndex().map(i -> RegistrationBundle.idAt(response, i));
        if (possibleDuplicate) {
            index.queueForReview(patientId, assessment.get());
        }
        checked.preferences().ifPresent(preferences -> notifications.savePreferences(patientId,
                preferences));
        String registeredBy = currentSubject.current().map(Subject::id).orElse("unknown");
        records.insert(new RegistrationRecords.Row(patientId, consentId, coverageId, possibleDuplicate, registeredBy,
                now));
        events.publishEvent(new PatientRegistered(patientId, coverageId.orElse(null), possibleDuplicate, now));
        log.info("Registered patient {} (possible duplicate: {})", patientId, possibleDuplicate);
        return new Registration(patientId, mrn, consentId, coverageId, possibleDuplicate);
    }

    /** The payer's Organization, searched as the caller (the directory is readable to who registers). */
    private Optional<String> payerOrganization(String payerId) {
        SearchRequest search = new SearchRequest("Organization", Map.of("identifier",
                List.of(CoverageSystems.PAYER + "|" + payerId), "_count", List.of("1")));
        return store.search(search).matches().stream().findFirst().map(org -> "Organization/" + org.getIdElement().getIdPart());
    }

    private Optional<MatchAssessment> assess(Patient patient) {
        return Optional.of(index.assess(patient));
    }

    private void refuseDuplicate(MatchAssessment assessment) {
        String existingId = assessment.candidates().get(0).patientId();
        Patient existing = (Patient) store.read("Patient", existingId);
        throw new DuplicatePatientException(existingId, NewPatient.mrnOf(existing, mrns.system()).orElse(null));
    }
}
