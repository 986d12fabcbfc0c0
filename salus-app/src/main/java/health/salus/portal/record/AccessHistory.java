package health.salus.portal.record;

import health.salus.audit.RecordAccesses;
import health.salus.audit.RecordAccesses.RecordAccess;
import health.salus.web.DisplayText;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * "Who viewed my record" as the portal words it: the audit module's report, with message keys for
 * the role, the verb, the kind of data and the purpose, so it reads in the person's language, and
 * the time in their zone.
 */
@Component
public class AccessHistory {

    /** The first role in this order names the person's job. */
    private static final List<String> ROLES = List.of("physician", "nurse", "care-coordinator", "front-desk",
            "biller", "privacy-officer", "auditor", "administrator", "proxy", "integration", "patient");
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("Patient", "personal"), Map.entry("RelatedPerson", "family"),
            Map.entry("Observation", "results"), Map.entry("DiagnosticReport", "results"),
            Map.entry("MedicationRequest", "medications"), Map.entry("MedicationStatement", "medications"),
            Map.entry("MedicationAdministration", "medications"), Map.entry("MedicationDispense", "medications"),
            Map.entry("Condition", "conditions"), Map.entry("AllergyIntolerance", "allergies"),
            Map.entry("Immunization", "immunizations"), Map.entry("Procedure", "procedures"),
            Map.entry("Encounter", "visits"), Map.entry("EpisodeOfCare", "visits"),
            Map.entry("Appointment", "appointments"), Map.entry("CarePlan", "care"), Map.entry("CareTeam", "care"),
            Map.entry("Task", "care"), Map.entry("Communication", "messages"),
            Map.entry("DocumentReference", "documents"), Map.entry("Composition", "documents"),
            Map.entry("Consent", "sharing"), Map.entry("Coverage", "insurance"), Map.entry("Claim", "billing"),
            Map.entry("Invoice", "billing"), Map.entry("ExplanationOfBenefit", "billing"));

    private final RecordAccesses report;

    AccessHistory(RecordAccesses report) {
        this.report = report;
    }

    /**
     * One line: when (in the reader's zone), who (empty: the page says "a clinic user"), and the keys of
     * their role, what they did ({@code portal.accesses.did.<verb>.<kind>}), and why.
     */
    public record Line(String when, Optional<String> who, String role, String verb, String kind, String purpose,
            int items, boolean emergency) {
    }

    /** The signed-in patient's own record ({@code patientId} empty) or a shared one. */
    public List<Line> of(Optional<String> patientId, ZoneId zone, Locale locale) {
        return report.of(patientId).stream().map(access -> line(access, zone, locale)).toList();
    }

    private static Line line(RecordAccess access, ZoneId zone, Locale locale) {
        return new Line(DisplayText.dateTime(access.lastAt(), zone, locale), access.name(),
                ROLES.stream().filter(access.roles()::contains).findFirst().orElse("staff"), verb(access.action()),
                KINDS.getOrDefault(access.resourceType(), "other"), access.purpose().name().toLowerCase(Locale.ROOT),
                access.items(), access.breakGlass());
    }

    private static String verb(String action) {
        return switch (action) {
            case "create" -> "added";
            case "update" -> "updated";
            case "delete" -> "removed";
            default -> "viewed";
        };
    }
}
