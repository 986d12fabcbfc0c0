package health.salus.patients.registration;

/**
 * The master patient index is certain the patient is already registered: answered with 409 naming only
 * the existing record's id and MRN, so the desk can open it instead of creating a second one.
 */
public class DuplicatePatientException extends RuntimeException {

    private final String existingPatientId;
    private final String existingMrn;

    DuplicatePatientException(String existingPatientId, String existingMrn) {
        super("The patient is already registered");
        this.existingPatientId = existingPatientId;
        this.existingMrn = existingMrn;
    }

    public String existingPatientId() {
        return existingPatientId;
    }

    public String existingMrn() {
        return existingMrn;
    }
}
