package health.salus.audit.monitoring;

import java.util.Locale;

/** The security monitors' rules, each with the severity its alerts carry. */
enum AlertRule {
    FAILED_SIGN_IN_BURST(Severity.MEDIUM),
    FAILED_SIGN_IN_SPRAY(Severity.HIGH),
    ACCESS_VOLUME(Severity.HIGH),
    ACCESS_HOURS(Severity.LOW),
    FLAGGED_RECORD_ACCESS(Severity.HIGH),
    BULK_EXPORT(Severity.MEDIUM),
    PRIVILEGE_CHANGE(Severity.MEDIUM),
    BREAK_GLASS(Severity.HIGH);

    enum Severity { LOW, MEDIUM, HIGH }

    private final Severity severity;

    AlertRule(Severity severity) {
        this.severity = severity;
    }

    Severity severity() {
        return severity;
    }

    /** The name stored and shown: {@code failed-sign-in-burst}. */
    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
