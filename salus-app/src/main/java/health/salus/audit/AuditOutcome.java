package health.salus.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCESS,
    /** refused by the access policy or by authentication */
    DENIED,
    /** attempted and failed for another reason (invalid input, error) */
    FAILURE
}
