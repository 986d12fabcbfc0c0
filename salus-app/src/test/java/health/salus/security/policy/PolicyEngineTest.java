package health.salus.security.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import health.salus.fhir.CareLinks;
import health.salus.fhir.CompartmentLinks;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import health.salus.security.AccessDecision;
import health.salus.security.Role;
import health.salus.security.SmartScopes;
import health.salus.security.Subject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The policy engine on the shipped policy file, with care relationships and break-glass given directly. */
class PolicyEngineTest {

    private static final Set<String> TYPES = new HashSet<>(FhirContext.forR4Cached().getResourceTypes());
    private final Set<String> breakGlass = new HashSet<>();
    private final PolicyEngine engine = new PolicyEngine(
            PolicyLoader.load(new ClassPathResource("security/access-policy.yml"), TYPES),
            new CareRelationships(null, null, null) {
                @Override
                CareLinks linksOf(String practitionerId) {
                    return new CareLinks(Set.of("Practitioner/" + practitionerId), List.of(), Set.of());
                }

                @Override
                CompartmentLinks links() {
                    return new CompartmentLinks() {
                        @Override
                        public boolean isLinked(String patientId, CareLinks links) {
                            return links.members().contains("Practitioner/dr-1") && patientId.equals("p-cared");
                        }

                        @Override
                        public Set<String> referencesOf(String type, String byParam, String target, String toParam) {
                            return Set.of();
                        }
                    };
                }

                @Override
                boolean isRelated(String practitionerId, String patientId) {
                    return practitionerId.equals("dr-1") && patientId.equals("p-cared");
                }

                @Override
                Map<String, Set<String>> grantsTo(String relatedPersonId) {
                    return Map.of("p-cared", Set.of("Immunization"));
                }
            },
            new BreakGlassGrants(null, null, null) {
                @Override
                Set<String> activePatients(String accountId) {
                    return breakGlass;
                }
            });

    private static Subject user(Role role, String fhirUser, SmartScopes scopes) {
        return new Subject("acct-" + role.code(), Subject.Kind.USER, Set.of(role), Optional.ofNullable(fhirUser),
                scopes, Optional.empty());
    }

    @Test
    void aPhysicianIsPermittedInTheirPatientsRecordWithReasonsAndDeniedElsewhere() {
        Subject physician = user(Role.PHYSICIAN, "Practitioner/dr-1", SmartScopes.ALL);
        AccessDecision permitted = engine.decide(physician, Interaction.READ, "Observation", "p-cared");
        assertThat(permitted.permitted()).isTrue();
        assertThat(permitted.breakGlass()).isFalse();
        AccessDecision denied = engine.decide(physician, Interaction.READ, "Observation", "p-other");
        assertThat(denied.permitted()).isFalse();
        assertThat(denied.reasons()).singleElement().asString().contains("care relationship");
    }

    @Test
    void breakGlassPermitsAndFlagsOnlyThePatientItNames() {
        Subject physician = user(Role.PHYSICIAN, "Practitioner/dr-1", SmartScopes.ALL);
        breakGlass.add("p-other");
        AccessDecision decision = engine.decide(physician, Interaction.READ, "Observation", "p-other");
        assertThat(decision.permitted()).isTrue();
        assertThat(decision.breakGlass()).isTrue();
        assertThat(engine.decide(physician, Interaction.READ, "Observation", "p-cared").breakGlass()).isFalse();
        assertThat(engine.decide(physician, Interaction.READ, "Observation", "p-third").permitted()).isFalse();
    }

    @Test
    void aRoleWithoutBreakGlassGainsNothingFromAGrant() {
        breakGlass.add("p-other");
        Subject coordinator = user(Role.CARE_COORDINATOR, "Practitioner/dr-2", SmartScopes.ALL);
        assertThat(engine.decide(coordinator, Interaction.READ, "CarePlan", "p-other").permitted()).isFalse();
    }

    @Test
    void mergingPatientsIsItsOwnPermissionThatGrantsNoOtherAccess() {
        Subject frontDesk = user(Role.FRONT_DESK, null, SmartScopes.ALL);
        Subject coordinator = user(Role.CARE_COORDINATOR, "Practitioner/dr-1", SmartScopes.ALL);
        assertThat(engine.decide(frontDesk, Interaction.MERGE, "Patient", "anyone").permitted()).isTrue();
        assertThat(engine.decide(coordinator, Interaction.MERGE, "Patient", "p-other").permitted()).isTrue();
        assertThat(engine.decide(coordinator, Interaction.UPDATE, "Patient", "p-other").permitted()).isFalse();
        assertThat(engine.decide(frontDesk, Interaction.MERGE, "Observation", "anyone").permitted()).isFalse();
        for (Role role : Set.of(Role.PHYSICIAN, Role.NURSE, Role.BILLER, Role.ADMINISTRATOR, Role.PATIENT,
                Role.INTEGRATION)) {
            assertThat(engine.decide(user(role, null, SmartScopes.ALL), Interaction.MERGE, "Patient", "anyone")
                    .permitted()).as(role.code()).isFalse();
        }
    }

    @Test
    void theFrontDeskSeesAppointmentsMaskedAndNoClinicalTypes() {
        Subject frontDesk = user(Role.FRONT_DESK, null, SmartScopes.ALL);
        AccessDecision appointment = engine.decide(frontDesk, Interaction.READ, "Appointment", "anyone");
        assertThat(appointment.permitted()).isTrue();
        assertThat(appointment.maskedElements()).contains("reasonCode", "comment");
        assertThat(engine.decide(frontDesk, Interaction.READ, "Observation", "anyone").permitted()).isFalse();
    }

    @Test
    void aFamilyMemberReachesOnlyTheGrantedTypes() {
        Subject proxy = user(Role.PROXY, "RelatedPerson/kin-1", SmartScopes.ALL);
        assertThat(engine.decide(proxy, Interaction.SEARCH, "Immunization", "p-cared").permitted()).isTrue();
        assertThat(engine.decide(proxy, Interaction.SEARCH, "Observation", "p-cared").permitted()).isFalse();
    }

    @Test
    void scopesNarrowAndPatientScopesBindToTheLaunchPatient() {
        Subject narrowed = new Subject("acct", Subject.Kind.USER, Set.of(Role.PHYSICIAN),
                Optional.of("Practitioner/dr-1"), SmartScopes.parse(List.of("patient/Observation.rs")),
                Optional.of("p-cared"));
        Visibility visibility = engine.visibility(narrowed, Interaction.SEARCH);
        assertThat(visibility.permitsDirectly("Observation", "p-cared")).isTrue();
        assertThat(visibility.permitsType("Condition")).isFalse();
        assertThat(engine.visibility(narrowed, Interaction.CREATE).permitsType("Observation")).isFalse();
        Subject otherLaunch = new Subject("acct", Subject.Kind.USER, Set.of(Role.PHYSICIAN),
                Optional.of("Practitioner/dr-1"), SmartScopes.parse(List.of("patient/*.rs")), Optional.of("p-other"));
        assertThat(engine.visibility(otherLaunch, Interaction.READ).permitsDirectly("Observation", "p-other"))
                .as("a launch patient outside the roles' reach stays out of reach").isFalse();
    }

    @Test
    void aSystemClientIsLimitedToTheTypesItsScopesName() {
        Subject client = new Subject("client:x", Subject.Kind.CLIENT, Set.of(Role.INTEGRATION), Optional.empty(),
                SmartScopes.parse(List.of("system/Patient.rs")), Optional.empty());
        Visibility visibility = engine.visibility(client, Interaction.READ);
        assertThat(visibility.permitsDirectly("Patient", "anyone")).isTrue();
        assertThat(visibility.permitsType("Observation")).isFalse();
        Subject everything = new Subject("client:y", Subject.Kind.CLIENT, Set.of(Role.INTEGRATION), Optional.empty(),
                SmartScopes.parse(List.of("system/*.rs")), Optional.empty());
        assertThat(engine.visibility(everything, Interaction.READ).permitsDirectly("Observation", "anyone")).isTrue();
        assertThat(engine.visibility(everything, Interaction.DELETE).permitsType("Observation")).isFalse();
    }

    @Test
    void aSubjectWithNoRoleIsDeniedEverything() {
        Subject nobody = new Subject("acct", Subject.Kind.USER, Set.of(), Optional.empty(), SmartScopes.ALL,
                Optional.empty());
        assertThat(engine.visibility(nobody, Interaction.READ).permitsType("Practitioner")).isFalse();
    }

    @Test
    void aPolicyFileNamingAnUnknownTypeOrRoleStopsStartUp() {
        String unknownType = "roles:\n  nurse:\n    permissions:\n      - resources: [Obsrvation]\n"
                + "        actions: [read]\n        patients: related\n";
        assertThatThrownBy(() -> PolicyLoader.load(new ByteArrayResource(unknownType.getBytes()), TYPES))
                .hasMessageContaining("Obsrvation");
        String unknownRole = "roles:\n  janitor:\n    permissions: []\n";
        assertThatThrownBy(() -> PolicyLoader.load(new ByteArrayResource(unknownRole.getBytes()), TYPES))
                .hasMessageContaining("janitor");
    }
}
