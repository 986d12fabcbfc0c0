package health.salus.patients.eligibility;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code salus.patients.eligibility.*}: the clearinghouse, who we are in X12, and how often to try. */
@ConfigurationProperties("salus.patients.eligibility")
record EligibilityProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue Clearinghouse clearinghouse,
        @DefaultValue Provider provider,
        @DefaultValue Retry retry) {

    /**
     * @param mode      {@code simulator}: the built-in loopback clearinghouse (demo, tests); {@code http}: {@code url}
     * @param url       where a 270 is POSTed (application/EDI-X12) and the 271 comes back
     * @param senderId  ISA06/GS02, as the clearinghouse enrolled us; {@code receiverId} ISA08/GS03
     * @param usage     ISA15: T (test) or P (production)
     */
    record Clearinghouse(
            @DefaultValue("simulator") String mode,
            @DefaultValue("") String url,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("20s") Duration timeout,
            @DefaultValue("SALUSCLINIC") String senderId,
            @DefaultValue("CLEARINGHOUSE") String receiverId,
            @DefaultValue("T") String usage) {
    }

    /** The information receiver of 270s (loop 2100B): the billing provider's name and NPI. */
    record Provider(
            @DefaultValue("Salus Community Clinic") String name,
            @DefaultValue("1234567893") String npi) {
    }

    /** Waits before attempts 2, 3 … (the last repeats); a check still unanswered after maxAttempts fails. */
    record Retry(
            @DefaultValue({"1m", "5m", "30m", "2h"}) List<Duration> backoff,
            @DefaultValue("5") int maxAttempts) {

        Duration delayAfter(int attempt) {
            return backoff.get(Math.min(attempt, backoff.size()) - 1);
        }
    }
}
