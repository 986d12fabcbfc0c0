package health.salus.audit.monitoring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Tells the security office of a new alert by email. The message names the rule, severity, time and
 * alert id with the path to open it, and nothing else: no names, no patient or account ids, since
 * mail leaves Salus and is kept in mailboxes beyond its control.
 */
class AlertEmail {

    private static final Logger log = LoggerFactory.getLogger(AlertEmail.class);

    private final Optional<JavaMailSender> sender;
    private final List<String> recipients;
    private final String from;
    private final String linkBase;

    AlertEmail(Optional<JavaMailSender> sender, List<String> recipients, String from, String linkBase) {
        this.sender = sender;
        this.recipients = List.copyOf(recipients);
        this.from = from;
        this.linkBase = linkBase;
    }

    boolean enabled() {
        return sender.isPresent() && !recipients.isEmpty();
    }

    void send(Alert alert) {
        if (!enabled()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(recipients.toArray(String[]::new));
        message.setSubject("[Salus] " + alert.severity().toUpperCase(Locale.ROOT) + " security alert: " + alert.rule());
        message.setText("A security monitor raised an alert.\n\n"
                + "Rule:     " + alert.rule() + "\n"
                + "Severity: " + alert.severity() + "\n"
                + "Time:     " + alert.created() + "\n"
                + "Alert:    " + alert.id() + "\n\n"
                + "Open it (privacy officers): " + linkBase + "/api/audit/alerts/" + alert.id() + "\n");
        try {
            sender.get().send(message);
        } catch (MailException e) {
            // the alert is stored and listed either way; mail is a courtesy channel
            log.warn("Could not email security alert {}: {}", alert.id(), e.getClass().getSimpleName());
        }
    }
}
