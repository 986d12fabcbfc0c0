package health.salus.patients.mpi;

import org.hl7.fhir.r4.model.Patient;

/**
 * The master patient index as registration uses it. Candidate lookup goes through the FHIR store's
 * keyed-hash search indexes as the calling subject, so it is permitted and audited like any search.
 */
public interface PatientIndex {

    /** Compares {@code patient} (not yet stored, or stored with its id, which is then skipped) with the store. */
    MatchAssessment assess(Patient patient);

    /** Puts a just-registered patient and its probable matches on the duplicate review queue. */
    void queueForReview(String patientId, MatchAssessment assessment);
}
