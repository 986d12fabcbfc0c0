package health.salus.messaging.email;

import health.salus.messaging.delivery.HandOverFailure;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain-text email to one patient over SMTP. The server is the one {@code spring.mail.*} configures
 * (shared with the security alerts) or, in the demo and tests, the embedded loopback one.
 */
public final class EmailSender {

    private final Optional<JavaMailSender> mail;
    private final String from;

    EmailSender(Optional<JavaMailSender> mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /** @return the Message-ID the server got, for the delivery record */
    public String send(String to, String subject, String text, String language) throws HandOverFailure {
        JavaMailSender sender = mail.orElseThrow(() -> new HandOverFailure("email-not-configured", true));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            message.setHeader("Content-Language", language);
            message.saveChanges();
            String messageId = Optional.ofNullable(message.getMessageID()).orElse("");
            sender.send(message);
            return messageId.length() > 64 ? messageId.substring(0, 64) : messageId;
        } catch (MessagingException e) {
            throw new HandOverFailure("email-invalid-address", true);
        } catch (MailException e) {
            throw new HandOverFailure("email-" + e.getClass().getSimpleName().replace("Exception", "")
                    .toLowerCase(java.util.Locale.ROOT), false);
        }
    }
}
