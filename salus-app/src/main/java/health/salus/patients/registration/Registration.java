package health.salus.patients.registration;

import java.util.Optional;

/** What a registration created. */
record Registration(String patientId, String mrn, String consentId, Optional<String> coverageId,
        boolean possibleDuplicate) {
}
