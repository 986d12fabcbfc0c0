package health.salus.messaging.templates;

import health.salus.messaging.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;
import org.springframework.stereotype.Component;

/**
 * Message texts per language in {@code messaging/templates_<lang>.properties}: for each template key a
 * {@code .subject} and {@code .email} (email), a short {@code .sms} (SMS, in-app) and optionally
 * {@code .voice} (else the SMS text is read out). Variables are {@code ${name}}. A bundle file per
 * language keeps a translation in one place a translator can read; an unknown language falls back to
 * English. The texts are written for the minimum: a first name, a time, a link, never clinical detail.
 */
@Component
public class MessageTemplates {

    public static final String FALLBACK_LANGUAGE = "en";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Map<String, Optional<Properties>> bundles = new ConcurrentHashMap<>();

    /** A rendered message; the subject is empty for channels that have none. */
    public record Rendered(String language, Optional<String> subject, String text) {
    }

    public boolean exists(String templateKey) {
        return bundle(FALLBACK_LANGUAGE).orElseThrow().containsKey(templateKey + ".sms");
    }

    /** The variables the English texts of this template use (every language must use the same). */
    public Set<String> variables(String templateKey) {
        Properties english = bundle(FALLBACK_LANGUAGE).orElseThrow();
        Set<String> names = new TreeSet<>();
        for (String part : List.of(".subject", ".email", ".sms", ".voice")) {
            Matcher matcher = VARIABLE.matcher(english.getProperty(templateKey + part, ""));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The language we have texts in: the requested one's primary subtag, or English. */
    public String supportedLanguage(String requested) {
        String primary = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return !primary.isEmpty() && primary.matches("[a-z]{2,3}") && bundle(primary).isPresent() ? primary
                : FALLBACK_LANGUAGE;
    }

    /** @throws IllegalArgumentException for an unknown template or a variable without a value */
    public Rendered render(String templateKey, String language, Channel channel, Map<String, String> variables) {
        String lang = supportedLanguage(language);
        Properties texts = bundle(lang).orElseThrow();
        StringSubstitutor substitutor = new StringSubstitutor(variables);
        substitutor.setEnableUndefinedVariableException(true);
        substitutor.setDisableSubstitutionInValues(true);
        String part = switch (channel) {
            case EMAIL -> ".email";
            case VOICE -> texts.containsKey(templateKey + ".voice") ? ".voice" : ".sms";
            case SMS, IN_APP -> ".sms";
        };
        String text = texts.getProperty(templateKey + part);
        if (text == null) {
            throw new IllegalArgumentException("No template " + templateKey + part + " in " + lang);
        }
        Optional<String> subject = channel == Channel.EMAIL
                ? Optional.ofNullable(texts.getProperty(templateKey + ".subject")).map(substitutor::replace)
                : Optional.empty();
        return new Rendered(lang, subject, substitutor.replace(text));
    }

    private Optional<Properties> bundle(String language) {
        return bundles.computeIfAbsent(language, MessageTemplates::load);
    }

    private static Optional<Properties> load(String language) {
        try (InputStream in = MessageTemplates.class.getResourceAsStream(
                "/messaging/templates_" + language + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
