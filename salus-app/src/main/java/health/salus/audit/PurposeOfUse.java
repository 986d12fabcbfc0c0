package health.salus.audit;

/** Why data was accessed, with the HL7 v3 PurposeOfUse code an AuditEvent carries. */
public enum PurposeOfUse {
    TREATMENT("TREAT"),
    PAYMENT("HPAYMT"),
    OPERATIONS("HOPERAT"),
    BREAK_GLASS("ETREAT"),
    PATIENT_REQUEST("PATRQT"),
    /** Salus's own work: jobs, integrations acting as a system client */
    SYSTEM("SYSADMIN");

    private final String v3Code;

    PurposeOfUse(String v3Code) {
        this.v3Code = v3Code;
    }

    /** The code in {@code http://terminology.hl7.org/CodeSystem/v3-ActReason}. */
    public String v3Code() {
        return v3Code;
    }
}
