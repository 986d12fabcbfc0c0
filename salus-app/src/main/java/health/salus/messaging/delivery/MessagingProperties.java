package health.salus.messaging.delivery;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salus.messaging.*}: defaults for patients without preferences, the retry schedule, the mail
 * sender, the SMS/voice gateway and the loopback servers of the demo and the tests.
 */
@ConfigurationProperties("salus.messaging")
public record MessagingProperties(
        @DefaultValue("America/New_York") ZoneId defaultTimeZone,
        @DefaultValue Retry retry,
        @DefaultValue Email email,
        @DefaultValue Telephony telephony,
        @DefaultValue DemoOutbox demoOutbox) {

    /** Wait before retry n is {@code backoff[n-1]} (the last one repeats); FAILED after {@code maxAttempts}. */
    public record Retry(@DefaultValue({"1m", "5m", "30m", "2h"}) List<Duration> backoff,
            @DefaultValue("5") int maxAttempts) {

        public Duration after(int attemptsMade) {
            return backoff.get(Math.min(Math.max(attemptsMade, 1), backoff.size()) - 1);
        }
    }

    public record Email(@DefaultValue("Salus Clinic <no-reply@salus.localhost>") String from,
            @DefaultValue EmbeddedSmtp embeddedSmtp) {
    }

    /** GreenMail on loopback as the mail server (demo, tests); port 0 = any free port. */
    public record EmbeddedSmtp(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String host,
            @DefaultValue("3025") int port) {
    }

    /**
     * A Twilio-style REST gateway for SMS and voice: {@code baseUrl} (e.g. https://api.twilio.com/2010-04-01),
     * account and token (HTTP basic), the number messages come from. Empty base URL with the simulator
     * on = the simulator.
     */
    public record Telephony(@DefaultValue("") String baseUrl, @DefaultValue("") String account,
            @DefaultValue("") String token, @DefaultValue("+15550100000") String fromNumber,
            @DefaultValue("10s") Duration timeout, @DefaultValue Simulator simulator) {
    }

    public record Simulator(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
    }

    /** What the loopback servers received, for administrators: demo only, it shows message text. */
    public record DemoOutbox(@DefaultValue("false") boolean enabled) {
    }
}
