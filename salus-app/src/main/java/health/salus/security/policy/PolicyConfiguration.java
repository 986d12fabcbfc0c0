package health.salus.security.policy;

import ca.uhn.fhir.context.FhirContext;
import health.salus.security.SecurityEvents.AccessPolicyLoaded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Loads the access policy file ({@code salus.security.policy-file}) once at start-up, and once the
 * application is ready announces the hash of the bytes it enforces, so the audit trail can tell
 * when the policy changed between starts.
 */
@Configuration
class PolicyConfiguration {

    /** The policy file as read: its bytes, their SHA-256 (hex), where they came from and when. */
    record PolicyFile(Resource content, String sha256, String source, Instant loadedAt) {
    }

    @Bean
    PolicyFile policyFile(@Value("${salus.security.policy-file:classpath:security/access-policy.yml}") Resource file,
            Clock clock) {
        try {
            byte[] bytes = file.getContentAsByteArray();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new PolicyFile(new ByteArrayResource(bytes, file.getDescription()), hash, file.getDescription(),
                    clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the access policy " + file.getDescription(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    PolicyEngine policyEngine(PolicyFile file, FhirContext fhirContext, CareRelationships relationships,
            BreakGlassGrants breakGlass) {
        PolicyDocument policy = PolicyLoader.load(file.content(), new HashSet<>(fhirContext.getResourceTypes()));
        return new PolicyEngine(policy, relationships, breakGlass);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> announcePolicyLoaded(PolicyFile file, ApplicationEventPublisher events) {
        return ready -> events.publishEvent(new AccessPolicyLoaded(file.sha256(), file.source()));
    }
}
