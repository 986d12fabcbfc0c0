package health.salus.audit.view;

import health.salus.audit.PurposeOfUse;
import java.util.List;
import java.util.Map;

/** The words a patient reads in "who looked at my record": no codes, no jargon. */
final class PlainLanguage {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("Patient", "personal details"),
            Map.entry("Observation", "test results and vital signs"),
            Map.entry("DiagnosticReport", "test reports"),
            Map.entry("MedicationRequest", "medications"),
            Map.entry("MedicationStatement", "medications"),
            Map.entry("MedicationAdministration", "medications"),
            Map.entry("MedicationDispense", "medications"),
            Map.entry("Condition", "health conditions"),
            Map.entry("AllergyIntolerance", "allergies"),
            Map.entry("Immunization", "vaccinations"),
            Map.entry("Procedure", "procedures"),
            Map.entry("Encounter", "visits"),
            Map.entry("EpisodeOfCare", "visits"),
            Map.entry("Appointment", "appointments"),
            Map.entry("CarePlan", "care plans"),
            Map.entry("CareTeam", "care team"),
            Map.entry("Task", "care tasks"),
            Map.entry("Communication", "messages"),
            Map.entry("DocumentReference", "documents"),
            Map.entry("Composition", "documents"),
            Map.entry("Consent", "sharing choices"),
            Map.entry("Coverage", "insurance details"),
            Map.entry("Claim", "bills and claims"),
            Map.entry("Invoice", "bills and claims"),
            Map.entry("ExplanationOfBenefit", "bills and claims"),
            Map.entry("RelatedPerson", "family and contacts"),
            Map.entry("QuestionnaireResponse", "questionnaires"),
            Map.entry("ServiceRequest", "orders and referrals"));

    /** The first role in this order names the person's job. */
    private static final List<Map.Entry<String, String>> ROLES = List.of(Map.entry("physician", "Physician"),
            Map.entry("nurse", "Nurse"), Map.entry("care-coordinator", "Care coordinator"),
            Map.entry("front-desk", "Front desk"), Map.entry("biller", "Billing"),
            Map.entry("privacy-officer", "Privacy officer"), Map.entry("auditor", "Auditor"),
            Map.entry("administrator", "Administrator"), Map.entry("proxy", "Family member or carer"),
            Map.entry("integration", "Connected system"), Map.entry("patient", "Patient"));

    private PlainLanguage() {
    }

    static String resources(String resourceType) {
        return TYPES.getOrDefault(resourceType, "health record");
    }

    static String verb(String action) {
        return switch (action) {
            case "create" -> "added to";
            case "update" -> "updated";
            case "delete" -> "removed from";
            default -> "viewed";
        };
    }

    /** "viewed your test results and vital signs (3 items)". */
    static String what(String action, String resourceType, String whose, int items) {
        return verb(action) + " " + whose + " " + resources(resourceType) + " (" + items
                + (items == 1 ? " item)" : " items)");
    }

    static String purpose(PurposeOfUse purpose) {
        return switch (purpose) {
            case TREATMENT -> "your care";
            case PAYMENT -> "billing and payment";
            case OPERATIONS -> "running the clinic";
            case BREAK_GLASS -> "emergency access";
            case PATIENT_REQUEST -> "on your behalf";
            case SYSTEM -> "a connected system";
        };
    }

    static String role(List<String> roleCodes) {
        return ROLES.stream().filter(role -> roleCodes.contains(role.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("Staff");
    }
}
