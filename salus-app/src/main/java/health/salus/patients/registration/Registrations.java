package health.salus.patients.registration;

import health.salus.patients.coverage.PayerDirectory;
import health.salus.patients.mpi.MatchAssessment;
import health.salus.patients.mpi.PatientIndex;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Registration for other modules' screens: the same field checks and the same registration service as
 * {@code POST /api/patients}, run as the signed-in user, so the access policy, the master patient index
 * and the audit trail apply alike. Adds the question a form asks before it registers: does this
 * person look already registered?
 */
@Service
public class Registrations {

    private final RegistrationValidator validator;
    private final PatientRegistrations registrations;
    private final PatientIndex index;
    private final PayerDirectory payers;

    Registrations(RegistrationValidator validator, PatientRegistrations registrations, PatientIndex index,
            PayerDirectory payers) {
        this.validator = validator;
        this.registrations = registrations;
        this.index = index;
        this.payers = payers;
    }

    /** An insurer a registration may name: its id and display name. */
    public record PayerOption(String id, String name) {
    }

    public List<PayerOption> payers() {
        return payers.all().stream().map(payer -> new PayerOption(payer.id(), payer.name())).toList();
    }

    /** What a registration created: {@code possibleDuplicate} means it went on the duplicate review queue. */
    public record Registered(String patientId, String mrn, boolean possibleDuplicate) {
    }

    /**
     * Existing patients this registration may duplicate, best first. {@code certain}: the index is sure it
     * is the same person, and {@link #register} will refuse; otherwise registering queues it for review.
     */
    public record DuplicateScreening(boolean certain, List<String> candidatePatientIds) {

        public boolean anyCandidates() {
            return !candidatePatientIds.isEmpty();
        }
    }

    /**
     * Checks every field (throws {@code InvalidFieldsException} listing them all) and asks the master
     * patient index, without storing anything.
     */
    public DuplicateScreening screen(RegistrationRequest request) {
        MatchAssessment assessment = index.assess(NewPatient.of(validator.check(request)));
        List<String> candidates = assessment.decision() == MatchAssessment.Decision.NONE ? List.of()
                : assessment.candidates().stream().map(MatchAssessment.Candidate::patientId).toList();
        return new DuplicateScreening(assessment.decision() == MatchAssessment.Decision.CERTAIN, candidates);
    }

    /**
     * Registers the patient (throws {@code InvalidFieldsException} for bad fields,
     * {@link DuplicatePatientException} when the index is certain they are already registered).
     */
    public Registered register(RegistrationRequest request) {
        Registration registration = registrations.register(validator.check(request));
        return new Registered(registration.patientId(), registration.mrn(), registration.possibleDuplicate());
    }
}
