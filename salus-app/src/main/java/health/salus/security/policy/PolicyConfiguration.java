package health.salus.security.policy;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the access policy file ({@code salus.security.policy-file}) once at start-up. */
@Configuration
class PolicyConfiguration {

    @Bean
    PolicyEngine policyEngine(@Value("${salus.security.policy-file:classpath:security/access-policy.yml}") Resource file,
            FhirContext fhirContext, CareRelationships relationships, BreakGlassGrants breakGlass) {
        PolicyDocument policy = PolicyLoader.load(file, new HashSet<>(fhirContext.getResourceTypes()));
        return new PolicyEngine(policy, relationships, breakGlass);
    }
}
