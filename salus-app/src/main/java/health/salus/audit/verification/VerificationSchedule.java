package health.salus.audit.verification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Lets the verifier run on its schedule ({@code salus.audit.verification.every}, hourly by default).
 * Every node verifies on its own: the walk only reads, so running it twice costs time, not harm.
 */
@Configuration
@EnableScheduling
class VerificationSchedule {
}
