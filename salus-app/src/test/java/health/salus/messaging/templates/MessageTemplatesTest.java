package health.salus.messaging.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.messaging.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Texts by language and channel, with the variables each template needs. */
class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void everyTemplateHasEnglishAndSpanishTextsForEveryChannel() {
        Map<String, String> values = Map.of("givenName", "Ana", "portalLink", "https://portal.test/x",
                "date", "2026-12-03", "time", "09:30", "clinic", "Main Street Clinic",
                "confirmLink", "https://portal.test/c", "cancelLink", "https://portal.test/x",
                "holdExpiry", "2026-12-02 17:30");
        for (String key : new String[] {"welcome", "portal-invitation", "appointment-reminder", "eligibility-problem",
                "waitlist-offer"}) {
            for (String language : new String[] {"en", "es"}) {
                for (Channel channel : Channel.values()) {
                    MessageTemplates.Rendered rendered = templates.render(key, language, channel, values);
                    assertThat(rendered.language()).isEqualTo(language);
                    assertThat(rendered.text()).contains("Ana").doesNotContain("${");
                    assertThat(rendered.subject().isPresent()).isEqualTo(channel == Channel.EMAIL);
                }
            }
        }
    }

    @Test
    void spanishAndEnglishDifferAndAnUnknownLanguageFallsBackToEnglish() {
        Map<String, String> values = Map.of("givenName", "Ana", "portalLink", "https://portal.test/x");
        assertThat(templates.render("welcome", "es-MX", Channel.EMAIL, values).subject()).contains("Bienvenido a la Clínica Salus");
        assertThat(templates.render("welcome", "en", Channel.EMAIL, values).subject()).contains("Welcome to Salus Clinic");
        MessageTemplates.Rendered klingon = templates.render("welcome", "tlh", Channel.SMS, values);
        assertThat(klingon.language()).isEqualTo("en");
        assertThat(klingon.text()).startsWith("Hi Ana");
    }

    @Test
    void theVariablesATemplateNeedsAreKnownAndAMissingOneIsRefused() {
        assertThat(templates.variables("appointment-reminder"))
                .containsExactlyInAnyOrder("givenName", "date", "time", "clinic", "confirmLink", "cancelLink");
        assertThat(templates.variables("waitlist-offer"))
                .containsExactlyInAnyOrder("givenName", "date", "time", "clinic", "holdExpiry");
        assertThat(templates.exists("test-results")).isFalse();
        assertThatThrownBy(() -> templates.render("welcome", "en", Channel.SMS, Map.of("givenName", "Ana")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextMessageIsShort() {
        MessageTemplates.Rendered sms = templates.render("appointment-reminder", "es", Channel.SMS, Map.of(
                "givenName", "Maximiliana", "date", "2026-12-03", "time", "09:30", "clinic", "Main Street Clinic",
                "confirmLink", "https://salus.test/c/abcdef", "cancelLink", "https://salus.test/x/abcdef"));
        assertThat(sms.text().length()).isLessThanOrEqualTo(160 * 2);
    }
}
