package health.salus.audit;

/** The families of audited events; monitors and reports select by them. */
public enum AuditCategory {
    /** reads, searches and writes of patient data, permitted or denied */
    PATIENT_DATA,
    /** sign-in, sign-out, failures, lockouts, MFA enrolment and recovery */
    AUTHENTICATION,
    /** accounts, roles, clients, the access policy, flagged records */
    ADMINISTRATION,
    /** key creation, rotation, re-encryption, crypto-shredding */
    KEY_MANAGEMENT,
    /** break-glass invocations and the alerts security monitors raise */
    SECURITY,
    /** looking at or exporting the audit trail itself */
    AUDIT
}
