package health.salus.security;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What each role should be allowed, written out from the minimum-necessary rules
 * independently of the policy file, so the matrix compares two statements instead of one.
 */
final class MinimumNecessary {

    /** Which patients a role reaches for a type. */
    enum Reach { RELATED, SELF, GRANTED, ANY }

    record Allowance(Set<String> actions, Reach reach) {
    }

    private static final Set<String> READ = Set.of("read", "search");
    private static final Set<String> WRITE = Set.of("read", "search", "create", "update");
    private static final Set<String> ALL = Set.of("read", "search", "create", "update", "delete");
    private static final Map<Role, Map<String, Allowance>> SPEC = new EnumMap<>(Role.class);

    static {
        Set<String> chart = Set.of("Patient", "Appointment", "Encounter", "Observation", "CarePlan");
        role(Role.PHYSICIAN, chart, WRITE, Reach.RELATED);
        role(Role.PHYSICIAN, Set.of("Consent"), WRITE, Reach.RELATED);
        role(Role.NURSE, chart, WRITE, Reach.RELATED);
        role(Role.NURSE, Set.of("Consent"), READ, Reach.RELATED);
        role(Role.CARE_COORDINATOR, Set.of("CarePlan", "Appointment"), WRITE, Reach.RELATED);
        role(Role.CARE_COORDINATOR, Set.of("Patient", "Encounter", "Observation", "Consent"), READ, Reach.RELATED);
        role(Role.FRONT_DESK, Set.of("Patient", "Appointment", "Coverage"), WRITE, Reach.ANY);
        // registration records the privacy-notice acknowledgement; the desk reads it back by id, never searches
        role(Role.FRONT_DESK, Set.of("Consent"), Set.of("read", "create"), Reach.ANY);
        role(Role.BILLER, Set.of("Coverage", "Invoice"), WRITE, Reach.ANY);
        role(Role.BILLER, Set.of("Patient", "Encounter"), READ, Reach.ANY);
        role(Role.ADMINISTRATOR, Set.of("Practitioner"), ALL, Reach.ANY);
        // reading the audit trail (/fhir/AuditEvent, not a stored type) is in AccessMatrixTest's route table
        role(Role.PRIVACY_OFFICER, Set.of("Consent"), READ, Reach.ANY);
        role(Role.PATIENT, Set.of("Patient", "Appointment", "Encounter", "Observation", "CarePlan", "Coverage",
                "Invoice"), READ, Reach.SELF);
        role(Role.PATIENT, Set.of("Consent"), WRITE, Reach.SELF);
        role(Role.PROXY, chart, READ, Reach.GRANTED);
        role(Role.INTEGRATION, Set.copyOf(MatrixFixtures.TYPES), ALL, Reach.ANY);
        // the directory is open to the staff who work with it and to patients choosing a clinician
        for (Role role : Set.of(Role.PHYSICIAN, Role.NURSE, Role.CARE_COORDINATOR, Role.FRONT_DESK, Role.BILLER,
                Role.PRIVACY_OFFICER, Role.PATIENT, Role.PROXY)) {
            role(role, Set.of("Practitioner"), READ, Reach.ANY);
        }
    }

    /**
     * The routes outside FHIR and who may use them: policy readers, privacy officers' alerts,
     * clinicians' break-glass, the officers' audit report and FHIR AuditEvent view, chain verification
     * for those who answer for the trail's integrity, the patient's access report and disclosures. No system client uses any of them; every signed-in user has an account page.
     */
    static final Map<String, Set<Role>> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("GET /api/security/policy", Set.of(Role.ADMINISTRATOR, Role.PRIVACY_OFFICER, Role.AUDITOR));
        ROUTES.put("GET /api/audit/alerts", Set.of(Role.PRIVACY_OFFICER));
        ROUTES.put("GET /api/audit/flagged-patients", Set.of(Role.PRIVACY_OFFICER));
        ROUTES.put("POST /api/security/break-glass", Set.of(Role.PHYSICIAN, Role.NURSE));
        ROUTES.put("GET /api/audit/entries", Set.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        ROUTES.put("GET /api/audit/verification", Set.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR));
        // the trail as FHIR AuditEvents: read by those who review it, written by no one but Salus (405)
        ROUTES.put("GET /fhir/AuditEvent", Set.of(Role.PRIVACY_OFFICER, Role.AUDITOR));
        ROUTES.put("POST /fhir/AuditEvent", Set.of());
        // the patient's own record, and a family member's while the patient's consent grants it
        ROUTES.put("GET /api/audit/my-record/accesses", Set.of(Role.PATIENT, Role.PROXY));
        ROUTES.put("GET /api/audit/disclosures", Set.of(Role.PRIVACY_OFFICER, Role.PATIENT));
        ROUTES.put("GET /account (browser)", Set.of(Role.values()));
    }

    private MinimumNecessary() {
    }

    private static void role(Role role, Set<String> types, Set<String> actions, Reach reach) {
        types.forEach(type -> SPEC.computeIfAbsent(role, r -> new HashMap<>()).put(type, new Allowance(actions, reach)));
    }

    /**
     * The expected outcome: {@code permit}, {@code deny} (403), or {@code hidden} (a search that
     * answers with no results because the patient is out of reach).
     */
    static String expected(Role role, String type, String interaction, boolean related, boolean breakGlass) {
        // versions and history are reads, a patch is an update, $everything reads the patient's record
        String action = switch (interaction) {
            case "vread", "history", "$everything" -> "read";
            case "patch" -> "update";
            default -> interaction;
        };
        if (role == Role.PATIENT && type.equals("Appointment") && action.equals("create")) {
            // patients book their own visits, but only through /api/appointments: scheduling refuses a bare
            // FHIR write (422), which a create meets before the store's reach check
            return "status 422";
        }
        if (role == Role.PATIENT && type.equals("Appointment") && action.equals("update")) {
            // an update meets the reach check first: another patient's visit is denied outright
            return related ? "status 422" : "deny";
        }
        Allowance allowance = SPEC.getOrDefault(role, Map.of()).get(type);
        if (allowance == null || !allowance.actions().contains(action)) {
            return "deny";
        }
        boolean reached = switch (allowance.reach()) {
            case ANY -> true;
            case RELATED -> related || breakGlass;
            case SELF, GRANTED -> related;
        };
        if (type.equals("Patient") && action.equals("create")) {
            // a new patient is in no one's care yet: only roles that reach every patient register one
            reached = allowance.reach() == Reach.ANY;
        }
        if (type.equals("Practitioner")) {
            reached = true;
        }
        return reached ? "permit" : action.equals("search") ? "hidden" : "deny";
    }
}
