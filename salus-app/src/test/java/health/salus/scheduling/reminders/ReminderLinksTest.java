package health.salus.scheduling.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.scheduling.reminders.ReminderLinks.Action;
import health.salus.scheduling.reminders.ReminderLinks.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Signed reminder links: what was signed comes back, anything else is refused; no demo key in production. */
class ReminderLinksTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant START = Instant.parse("2026-12-10T14:30:00Z");

    private final ReminderLinks links = links("", new MockEnvironment());

    @Test
    void aTokenVerifiesToWhatWasSignedWhateverCharactersItsMacHolds() {
        for (int i = 0; i < 500; i++) {   // enough MACs to hold '-' and '_' many times over
            String id = UUID.randomUUID().toString();
            Action action = i % 2 == 0 ? Action.CONFIRM : Action.CANCEL;

            Verdict verdict = links.verify(links.token(id, START, action, START));

            assertThat(verdict).isEqualTo(new Verdict.Valid(new ReminderLinks.Claims(id, action, START, START)));
        }
        assertThat(links.link("a1", START, Action.CONFIRM)).startsWith("https://clinic.test/appointments/respond?t=a1_c_");
    }

    @Test
    void aChangedIdActionTimeOrMacIsForgedAndAPastExpiryIsExpired() {
        String token = links.token("a1", START, Action.CONFIRM, START);

        assertThat(links.verify(token.replace("a1_", "a2_"))).isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify(token.replace("_c_", "_x_"))).isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify(token.replace("_" + START.getEpochSecond() + "_", "_" + (START.getEpochSecond() + 60) + "_")))
                .isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify(token.substring(0, token.length() - 1))).isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify(null)).isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify("a1_c_1_2")).isInstanceOf(Verdict.Forged.class);
        assertThat(links("c29tZW9uZS1lbHNlcy1rZXktb2YtdGhpcnR5LXR3by1ieXQ=", new MockEnvironment()).verify(token))
                .as("signed under another key").isInstanceOf(Verdict.Forged.class);
        assertThat(links.verify(links.token("a1", START, Action.CONFIRM, NOW.minusSeconds(1))))
                .isInstanceOf(Verdict.Expired.class);
    }

    @Test
    void theDemoKeyIsRefusedUnderAProductionProfileAndAShortKeyAlways() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");

        assertThatThrownBy(() -> links("", production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ReminderLinks.PROPERTY);
        assertThatThrownBy(() -> links(ReminderLinks.DEMO_KEY, production)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> links("c2hvcnQ=", new MockEnvironment())).isInstanceOf(IllegalStateException.class);
        assertThat(links("c29tZW9uZS1lbHNlcy1rZXktb2YtdGhpcnR5LXR3by1ieXQ=", production)).isNotNull();
    }

    private static ReminderLinks links(String key, MockEnvironment environment) {
        return new ReminderLinks(new ReminderProperties("https://clinic.test/", key, ZoneId.of("America/New_York")),
                environment, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
