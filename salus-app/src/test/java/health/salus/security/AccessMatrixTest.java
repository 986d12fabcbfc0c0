package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.Api;
import health.salus.support.Browser;
import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import health.salus.support.Tokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The authorization matrix: every FHIR interaction on one resource type of each policy group, the
 * security API routes and the account page, for every role, on a patient in the user's care and on
 * one outside it (and, for roles that may, under break-glass). Each cell is asserted against
 * {@link MinimumNecessary}, and the observed table is {@code docs/security/access-matrix.md}
 * (rewritten with {@code -Dsalus.write-docs=true}; otherwise the committed copy must match).
 */
class AccessMatrixTest extends FhirApiTest {

    private static final List<String> ACTIONS = List.of("read", "vread", "history", "search", "create", "update",
            "patch", "delete", "$everything");
    private static final Path DOC = Path.of("..", "docs", "security", "access-matrix.md");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String doctor;
    /** The practitioner named in the unrelated patient's records, so that nothing links them to our users. */
    private String elsewhere;
    private String related;
    private String unrelated;
    private final Map<Role, FhirHttp> callers = new EnumMap<>(Role.class);
    private final Map<Role, String> tokens = new EnumMap<>(Role.class);
    private final Map<Role, Browser> browsers = new EnumMap<>(Role.class);
    private final Map<String, String> relatedIds = new LinkedHashMap<>();
    private final Map<String, String> unrelatedIds = new LinkedHashMap<>();
    /** role → "type action" → observed outcome per state (related, unrelated, break-glass). */
    private final Map<Role, Map<String, String[]>> observed = new EnumMap<>(Role.class);

    @Test
    void everyRoleGetsExactlyWhatMinimumNecessaryAllowsOnEveryInteractionAndRoute() throws IOException {
        arrangeClinic();
        List<String> mismatches = new ArrayList<>();
        for (Role role : Role.values()) {
            for (String type : MatrixFixtures.TYPES) {
                for (String action : actions(type)) {
                    check(role, type, action, 0, mismatches);
                    check(role, type, action, 1, mismatches);
                }
            }
        }
        for (Role role : Set.of(Role.PHYSICIAN, Role.NURSE)) {
            HttpResponse<String> invoked = api(role, "POST", "/api/security/break-glass", "{\"patient\":\""
                    + unrelated + "\",\"reason\":\"Matrix: emergency access test\"}");
            assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
            for (String type : MatrixFixtures.TYPES) {
                for (String action : actions(type)) {
                    check(role, type, action, 2, mismatches);
                }
            }
        }
        Map<String, Map<Role, String>> routes = routes(mismatches);
        assertThat(mismatches).as("cells where the policy and minimum necessary disagree").isEmpty();
        assertEveryPermitHasADeniedTwin();
        String table = MatrixDocument.render(observed, routes, ACTIONS);
        if (Boolean.getBoolean("salus.write-docs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, table);
        }
        assertThat(Files.readString(DOC)).as("docs/security/access-matrix.md is out of date; run the test with "
                + "-Dsalus.write-docs=true and commit it").isEqualTo(table);
    }

    private void check(Role role, String type, String action, int state, List<String> mismatches) {
        String outcome = attempt(role, type, action, state);
        observed.computeIfAbsent(role, r -> new LinkedHashMap<>())
                .computeIfAbsent(type + " " + action, k -> new String[3])[state] = outcome;
        String expected = MinimumNecessary.expected(role, type, action, state == 0, state == 2);
        if (!expected.equals(outcome)) {
            mismatches.add(role.code() + " " + action + " " + type + " " + (state == 0 ? "related" : state == 1
                    ? "unrelated" : "break-glass") + ": expected " + expected + ", got " + outcome);
        }
    }

    private String attempt(Role role, String type, String action, int state) {
        FhirHttp caller = callers.get(role);
        String patient = state == 0 ? related : unrelated;
        String id = (state == 0 ? relatedIds : unrelatedIds).get(type);
        HttpResponse<String> response = switch (action) {
            case "read" -> caller.get("/" + type + "/" + id);
            case "vread" -> caller.get("/" + type + "/" + id + "/_history/1");
            case "history" -> caller.get("/" + type + "/" + id + "/_history");
            case "$everything" -> caller.get("/Patient/" + id + "/$everything");
            case "patch" -> caller.patch("/" + type + "/" + id, "[{\"op\":\"test\",\"path\":\"/id\",\"value\":\""
                    + id + "\"}]", Map.of());
            case "search" -> caller.get("/" + type + "?_id=" + id + "&_total=accurate");
            case "create" -> caller.post("/" + type, json(MatrixFixtures.of(type, patient, practitionerFor(patient))));
            case "update" -> caller.put("/" + type + "/" + id, expect(http.get("/" + type + "/" + id), 200).body(),
                    Map.of());
            default -> caller.delete("/" + type + "/" + fresh(type, patient));
        };
        int status = response.statusCode();
        if (status == 403) {
            return "deny";
        }
        if (action.equals("search") && status == 200) {
            return parse(response.body(), Bundle.class).getTotal() == 1 ? "permit" : "hidden";
        }
        return status == 200 || status == 201 || status == 204 ? "permit" : "status " + status;
    }

    private Map<String, Map<Role, String>> routes(List<String> mismatches) {
        Map<String, Map<Role, String>> routes = new LinkedHashMap<>();
        Map<String, Set<Role>> allowed = MinimumNecessary.ROUTES;
        String throwaway = id(create(CareScenario.patient(unique())));
        String breakGlass = "{\"patient\":\"" + throwaway + "\",\"reason\":\"Matrix: route check only\"}";
        String auditEvent = json(MatrixFixtures.auditEvent(related));
        // the patient-facing audit routes and the FHIR view are asked about the patient in the users' care
        Map<String, String> query = Map.of("GET /fhir/AuditEvent", "?patient=" + related,
                "GET /api/audit/my-record/accesses", "?patient=" + related,
                "GET /api/audit/disclosures", "?patient=" + related);
        for (String route : allowed.keySet()) {
            for (Role role : Role.values()) {
                String outcome;
                if (route.startsWith("GET /account")) {
                    Browser browser = browsers.get(role);
                    outcome = browser == null ? "n/a" : browser.get("/account").statusCode() == 200 ? "permit" : "deny";
                } else {
                    String[] parts = route.split(" ");
                    String body = parts[0].equals("GET") ? null : route.contains("AuditEvent") ? auditEvent : breakGlass;
                    int status = api(role, parts[0], parts[1] + query.getOrDefault(route, ""), body).statusCode();
                    // 405: the trail is written by Salus alone, whoever asks
                    outcome = status == 200 ? "permit" : status == 403 || status == 405 ? "deny" : "status " + status;
                }
                routes.computeIfAbsent(route, r -> new EnumMap<>(Role.class)).put(role, outcome);
                String expected = role == Role.INTEGRATION && route.startsWith("GET /account") ? "n/a"
                        : allowed.get(route).contains(role) && !(role == Role.INTEGRATION) ? "permit" : "deny";
                if (!expected.equals(outcome)) {
                    mismatches.add(role.code() + " " + route + ": expected " + expected + ", got " + outcome);
                }
            }
        }
        // and nobody without a token or session gets anything
        assertThat(new FhirHttp(port, null).get("/Patient/" + related).statusCode()).isEqualTo(401);
        assertThat(Browser.location(new Browser(port).get("/account"))).endsWith("/login");
        return routes;
    }

    private void assertEveryPermitHasADeniedTwin() {
        observed.forEach((role, cells) -> cells.forEach((cell, outcomes) -> {
            if ("permit".equals(outcomes[0])) {
                boolean twin = observed.values().stream().map(other -> other.get(cell))
                        .anyMatch(o -> "deny".equals(o[0]) || "deny".equals(o[1]) || "hidden".equals(o[1]));
                assertThat(twin).as("a denied twin for " + cell).isTrue();
            }
        }));
    }

    private void arrangeClinic() {
        doctor = id(create(CareScenario.practitioner(unique())));
        elsewhere = id(create(CareScenario.practitioner(unique())));
        String nurse = id(create(CareScenario.practitioner(unique())));
        String coordinator = id(create(CareScenario.practitioner(unique())));
        related = id(create(CareScenario.patient(unique())));
        unrelated = id(create(CareScenario.patient(unique())));
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE)
                .setSubject(new Reference("Patient/" + related));
        for (String member : List.of(doctor, nurse, coordinator)) {
            team.addParticipant().setMember(new Reference("Practitioner/" + member));
        }
        create(team);
        String kin = id(create(CareScenario.relatedPerson(related)));
        create(CareScenario.consent(related, "RelatedPerson/" + kin));
        for (String type : MatrixFixtures.TYPES) {
            relatedIds.put(type, type.equals("Patient") ? related : id(create(MatrixFixtures.of(type, related, doctor))));
            unrelatedIds.put(type, type.equals("Patient") ? unrelated
                    : id(create(MatrixFixtures.of(type, unrelated, elsewhere))));
        }
        Map<Role, String> links = Map.of(Role.PHYSICIAN, "Practitioner/" + doctor, Role.NURSE, "Practitioner/" + nurse,
                Role.CARE_COORDINATOR, "Practitioner/" + coordinator, Role.PATIENT, "Patient/" + related,
                Role.PROXY, "RelatedPerson/" + kin);
        for (Role role : Role.values()) {
            if (role == Role.INTEGRATION) {
                tokens.put(role, Tokens.system(port));
            } else {
                String username = TestUsers.create(accounts, role, links.get(role));
                Browser browser = SignIn.browser(port, username);
                browsers.put(role, browser);
                tokens.put(role, SignIn.smartToken(port, browser, "openid fhirUser user/*.cruds")
                        .get("access_token").asText());
            }
            callers.put(role, new FhirHttp(port, tokens.get(role)));
        }
    }

    /** A new resource of {@code type} in {@code patient}'s record, made to be deleted. */
    private String fresh(String type, String patient) {
        Resource resource = MatrixFixtures.of(type, patient, practitionerFor(patient));
        return id(create(resource));
    }

    /** {@code $everything} is a Patient operation; every other interaction applies to each type. */
    private static List<String> actions(String type) {
        return type.equals("Patient") ? ACTIONS : ACTIONS.subList(0, ACTIONS.size() - 1);
    }

    private String practitionerFor(String patient) {
        return patient.equals(related) ? doctor : elsewhere;
    }

    private static String id(Resource resource) {
        return resource.getIdElement().getIdPart();
    }

    private HttpResponse<String> api(Role role, String method, String path, String body) {
        return Api.call(port, tokens.get(role), method, path, body);
    }
}
