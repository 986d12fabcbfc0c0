package health.salus.portal.patient;

import health.salus.messaging.Channel;
import health.salus.messaging.ContactPreferences;
import health.salus.messaging.Notifications;
import health.salus.platform.InvalidFieldsException;
import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * How the patient wants to be reached: channel, language, time zone and quiet hours, kept by the
 * messaging module. The page is only ever about the signed-in patient's own preferences. Fields at
 * fault come back in an error summary that leads to each of them.
 */
@Controller
class PreferencesController {

    static final List<String> LANGUAGES = List.of("en", "es");
    /** The zones offered (the clinic's region first); a saved zone outside the list is offered too. */
    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
            "America/Mexico_City", "Europe/Madrid", "UTC");

    private final PortalAccess access;
    private final Notifications notifications;

    PreferencesController(PortalAccess access, Notifications notifications) {
        this.access = access;
        this.notifications = notifications;
    }

    /** The form's values as text, so a refused submission shows what was typed. */
    record Form(String channel, String language, String timeZone, String quietStart, String quietEnd) {
    }

    @GetMapping(PortalPaths.PREFERENCES)
    String page(@RequestParam Optional<String> saved, HttpServletRequest request, Locale locale, Model model) {
        String patientId = access.requireOwnPatient();
        Form form = notifications.preferencesOf(patientId).map(p -> new Form(p.preferredChannel().name(), p.language(),
                        p.timeZone().getId(), p.quietHoursStart().map(LocalTime::toString).orElse(""),
                        p.quietHoursEnd().map(LocalTime::toString).orElse("")))
                .orElseGet(() -> new Form("", locale.getLanguage(), UserTimeZone.of(request, access.clinicZone()).getId(),
                        "", ""));
        model.addAttribute("saved", saved.isPresent());
        return page(form, Map.of(), locale, model);
    }

    @PostMapping(PortalPaths.PREFERENCES)
    String save(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String timeZone, @RequestParam(defaultValue = "") String quietStart,
            @RequestParam(defaultValue = "") String quietEnd, Locale locale, Model model) {
        String patientId = access.requireOwnPatient();
        Form form = new Form(channel, language, timeZone, quietStart.trim(), quietEnd.trim());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Channel> preferred = parse(() -> Channel.valueOf(channel));
        if (preferred.isEmpty()) {
            errors.put("channel", "portal.prefs.error.channel");
        }
        if (!LANGUAGES.contains(language)) {
            errors.put("language", "portal.prefs.error.language");
        }
        Optional<ZoneId> zone = parse(() -> ZoneId.of(timeZone));
        if (zone.isEmpty()) {
            errors.put("timeZone", "portal.prefs.error.timeZone");
        }
        Optional<LocalTime> start = time(form.quietStart(), "quietStart", errors);
        Optional<LocalTime> end = time(form.quietEnd(), "quietEnd", errors);
        if (!errors.containsKey("quietStart") && !errors.containsKey("quietEnd") && start.isPresent() != end.isPresent()) {
            errors.put(start.isPresent() ? "quietEnd" : "quietStart", "portal.prefs.error.quietBoth");
        }
        if (errors.isEmpty()) {
            try {
                notifications.savePreferences(patientId, new ContactPreferences(preferred.get(), language, zone.get(),
                        start, end));
                return "redirect:" + PortalPaths.PREFERENCES + "?saved";
            } catch (InvalidFieldsException invalid) {
                invalid.problems().forEach(p -> errors.put(field(p.field()), "portal.prefs.error.other"));
            }
        }
        model.addAttribute("saved", false);
        return page(form, errors, locale, model);
    }

    private String page(Form form, Map<String, String> errors, Locale locale, Model model) {
        List<String[]> zones = new ArrayList<>();
        List<String> ids = new ArrayList<>(ZONES);
        if (!form.timeZone().isBlank() && !ids.contains(form.timeZone()) && parse(() -> ZoneId.of(form.timeZone())).isPresent()) {
            ids.add(0, form.timeZone());
        }
        ids.forEach(id -> zones.add(new String[] {id, ZoneId.of(id).getDisplayName(TextStyle.FULL, locale) + " (" + id
                + ")"}));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("zones", zones);
        return "portal/preferences";
    }

    private static Optional<LocalTime> time(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalTime> time = parse(() -> LocalTime.parse(text));
        if (time.isEmpty()) {
            errors.put(field, "portal.prefs.error.time");
        }
        return time;
    }

    /** The messaging module's field names, as this form names them. */
    private static String field(String messagingField) {
        return switch (messagingField) {
            case "preferredChannel" -> "channel";
            case "quietHoursStart" -> "quietStart";
            case "quietHoursEnd" -> "quietEnd";
            case "language", "timeZone" -> messagingField;
            default -> "channel";
        };
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
