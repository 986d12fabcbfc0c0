package health.salus.security;

import health.salus.fhir.Interaction;

/**
 * The access policy refused a subject an interaction (the caller gets 403). {@code id} and
 * {@code compartment} are null when the role may not touch the type at all; {@code reason} is fixed
 * text, never data. The audit trail records every one before the refusal leaves.
 */
public record AccessDenied(String subjectId, Interaction interaction, String resourceType, String id,
        String compartment, Reason reason) {

    public enum Reason {
        /** no role of the subject (or the token's scopes) allows this interaction on the type */
        TYPE_NOT_PERMITTED,
        /** no care relationship, consent, proxy grant or break-glass reaches this patient */
        PATIENT_NOT_REACHABLE
    }
}
