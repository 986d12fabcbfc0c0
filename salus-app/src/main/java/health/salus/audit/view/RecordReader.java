package health.salus.audit.view;

import health.salus.audit.AuditOutcome;
import health.salus.audit.recording.AuditContext;
import health.salus.fhir.AccessGuard;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import health.salus.audit.recording.AuditAccess;

/**
 * Whose record a patient-facing audit view may be about: a patient's own (their {@code fhirUser}),
 * or, for a family member or carer, a patient whose active consent grants them access — as the
 * access policy sees it now, so a revoked grant counts at once. Refusals are recorded.
 */
@Component
public class RecordReader {

    private final AuditContext context;
    private final AuditAccess access;
    private final AccessGuard guard;

    RecordReader(AuditContext context, AuditAccess access, AccessGuard guard) {
        this.context = context;
        this.access = access;
        this.guard = guard;
    }

    /** The reader and the patient they asked about, or a recorded 403. */
    public Reader require(String requestedPatient, String action) {
        Subject subject = context.subject().orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use this service"));
        Optional<String> own = subject.hasRole(Role.PATIENT) ? subject.fhirUserId("Patient") : Optional.empty();
        String patient = requestedPatient == null || requestedPatient.isBlank() ? own.orElse(null)
                : requestedPatient.replace("Patient/", "");
        if (subject.kind() == Subject.Kind.USER && patient != null) {
            if (own.filter(patient::equals).isPresent()) {
                return new Reader(subject, patient, true, guard.visibility(Interaction.READ));
            }
            if (subject.hasRole(Role.PROXY) && granted(patient)) {
                return new Reader(subject, patient, false, guard.visibility(Interaction.READ));
            }
        }
        access.record(subject, action, AuditOutcome.DENIED, null, "not-the-patient-or-granted-proxy");
        throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only the patient, or someone they granted access, may see this for their record");
    }

    /** Whether the policy lets this proxy read anything of the patient's record now (their consent grant). */
    private boolean granted(String patient) {
        Visibility visibility = guard.visibility(Interaction.READ);
        return visibility.types().values().stream().anyMatch(set -> !set.all() && set.ids().contains(patient));
    }

    /** Who reads about whom; {@code self} when it is the patient; {@code visibility} bounds what they are shown. */
    public record Reader(Subject subject, String patientId, boolean self, Visibility visibility) {

        /** Whether the reader may see that this type of their (or their patient's) record was touched. */
        public boolean mayKnowOf(String resourceType) {
            return resourceType != null && visibility.forType(resourceType)
                    .map(set -> set.all() || set.ids().contains(patientId)).orElse(false);
        }

    }
}
