package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.fhir.Interaction;
import health.salus.support.SalusIntegrationTest;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/** The policy in force, read back as people see it: the file's hash, and each role's rules as the file states them. */
@SalusIntegrationTest
class AccessPolicyReadoutTest {

    @Autowired
    AccessPolicyReadout readout;

    @Test
    void theReadoutIsThePolicyFileInForceWithItsHashAndEveryRolesRules() throws Exception {
        AccessPolicyReadout.LoadedPolicy policy = readout.current();
        byte[] file = new ClassPathResource("security/access-policy.yml").getContentAsByteArray();
        assertThat(policy.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(file)));
        assertThat(policy.loadedAt()).isNotNull();
        assertThat(policy.roles()).extracting(AccessPolicyReadout.RoleRules::role).startsWith(Role.PATIENT,
                Role.PROXY, Role.PHYSICIAN).contains(Role.AUDITOR, Role.INTEGRATION);

        AccessPolicyReadout.RoleRules physician = role(policy, Role.PHYSICIAN);
        assertThat(physician.breakGlass()).isTrue();
        AccessPolicyReadout.Rule chart = physician.rules().get(0);
        assertThat(chart.patients()).isEqualTo("related");
        assertThat(chart.resourceTypes()).contains("Observation", "Patient", "Consent").isSorted();
        assertThat(chart.orderedInteractions()).containsExactly(Interaction.READ, Interaction.SEARCH,
                Interaction.CREATE, Interaction.UPDATE);

        AccessPolicyReadout.RoleRules desk = role(policy, Role.FRONT_DESK);
        assertThat(desk.breakGlass()).isFalse();
        assertThat(desk.rules().get(0).masks().get("Appointment")).contains("comment", "reasonCode");

        AccessPolicyReadout.Rule everything = role(policy, Role.INTEGRATION).rules().get(0);
        assertThat(everything.resourceTypes()).containsExactly("*");
        assertThat(everything.except()).containsExactly("AuditEvent");
        assertThat(role(policy, Role.AUDITOR).rules()).singleElement()
                .satisfies(rule -> assertThat(rule.resourceTypes()).containsExactly("AuditEvent", "Provenance"));
    }

    private static AccessPolicyReadout.RoleRules role(AccessPolicyReadout.LoadedPolicy policy, Role role) {
        return policy.roles().stream().filter(r -> r.role() == role).findFirst().orElseThrow();
    }
}
