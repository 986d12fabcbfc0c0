package health.salus.audit.disclosure;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import java.util.Set;

/**
 * Which audit entries are disclosures a patient may ask an accounting of (HIPAA §164.528 style):
 * patient data that was actually released (a permitted read, search or export of a patient's record)
 * to someone outside the treating organisation's own treatment, payment and operations. Written down
 * in {@code docs/security/audit.md}; change both together.
 */
final class DisclosureRule {

    /** Treatment, payment, health care operations: uses inside the organisation, not disclosures. */
    static final Set<PurposeOfUse> TPO = Set.of(PurposeOfUse.TREATMENT, PurposeOfUse.PAYMENT, PurposeOfUse.OPERATIONS);
    /** Recorded actions that hand a patient's record out in bulk. */
    static final Set<String> EXPORTS = Set.of("everything", "$everything", "export", "$export");

    private DisclosureRule() {
    }

    /**
     * A disclosure is a successful access to a patient's data ({@code PATIENT_DATA}, outcome
     * {@code SUCCESS}, with a patient) that is neither Salus's own internal work (actor
     * {@code system:…}) nor the patient reaching their own record, and that was made by or for
     * someone outside the treating organisation's TPO use: <ol>
     * <li>a system client (actor {@code client:…}: integrations, other organisations' systems), or</li>
     * <li>a family member or carer (role {@code proxy}, or acting on behalf of the patient), or</li>
     * <li>under break-glass (purpose {@code BREAK_GLASS} or detail {@code break-glass}), or</li>
     * <li>an export of the record ({@link #EXPORTS}), or</li>
     * <li>for any purpose other than treatment, payment or operations.</li></ol>
     */
    static boolean isDisclosure(AuditRecord record) {
        if (record.category() != AuditCategory.PATIENT_DATA || record.outcome() != AuditOutcome.SUCCESS
                || record.patientId() == null) {
            return false;
        }
        String actor = record.actor().id();
        if (actor != null && actor.startsWith("system:")) {
            return false;
        }
        if (isThePatientThemself(record)) {
            return false;
        }
        return (actor != null && actor.startsWith("client:"))
                || record.actor().roles().contains("proxy")
                || ("Patient/" + record.patientId()).equals(record.actor().onBehalfOf())
                || record.purpose() == PurposeOfUse.BREAK_GLASS || "break-glass".equals(record.detail())
                || EXPORTS.contains(record.action())
                || !TPO.contains(record.purpose());
    }

    /** The patient's own access: a patient (not a proxy) asking for themselves (the policy lets a patient reach only their own record). */
    private static boolean isThePatientThemself(AuditRecord record) {
        return record.actor().roles().contains("patient") && !record.actor().roles().contains("proxy")
                && record.purpose() == PurposeOfUse.PATIENT_REQUEST;
    }

    /** A superset of the rule in SQL, so the database returns only candidates; {@link #isDisclosure} decides. */
    static final String CANDIDATES = "category = 'PATIENT_DATA' and outcome = 'SUCCESS' and (actor_id is null or "
            + "actor_id not like 'system:%') and (actor_id like 'client:%' or actor_roles like '%proxy%' "
            + "or on_behalf_of like 'Patient/%' or purpose not in ('TREATMENT', 'PAYMENT', 'OPERATIONS') "
            + "or detail = 'break-glass' or action in ('everything', '$everything', 'export', '$export'))";
}
