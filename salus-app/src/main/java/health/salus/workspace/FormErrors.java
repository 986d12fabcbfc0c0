package health.salus.workspace;

import health.salus.platform.InvalidFieldsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * A service's field errors as a form shows them: one entry per form control (the summary at the top
 * links to each control; each control names its error), in the user's language. The services word
 * their messages in English; other languages get a sentence naming the field to check. Shared by the
 * workspace's forms (front desk, administration).
 */
public record FormErrors(List<FieldError> all) {

    /**
     * {@code field} is the form control's id; {@code message} what the user reads. Serializable: it may
     * travel in a flash attribute through the (JDBC-stored) session across a redirect.
     */
    public record FieldError(String field, String message) implements java.io.Serializable {
    }

    public static FormErrors none() {
        return new FormErrors(List.of());
    }

    /**
     * {@code controls} maps a service's field path ({@code name.family}) to the control's id and the
     * message key of its label; problems with fields not on the form go to {@code fallbackControl}.
     */
    public static FormErrors of(InvalidFieldsException e, Map<String, String> controls, String fallbackControl,
            MessageSource messages, Locale locale) {
        Map<String, FieldError> byField = new LinkedHashMap<>();
        for (InvalidFieldsException.FieldProblem problem : e.problems()) {
            String control = controls.getOrDefault(problem.field(), fallbackControl);
            String message = "en".equals(locale.getLanguage()) ? problem.message()
                    : messages.getMessage("form.checkField", new Object[] {
                            messages.getMessage("field." + control, null, control, locale)}, locale);
            byField.putIfAbsent(control, new FieldError(control, message));
        }
        return new FormErrors(List.copyOf(byField.values()));
    }

    public boolean any() {
        return !all.isEmpty();
    }

    public boolean has(String field) {
        return all.stream().anyMatch(error -> error.field().equals(field));
    }

    public String of(String field) {
        return all.stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst().orElse("");
    }
}
