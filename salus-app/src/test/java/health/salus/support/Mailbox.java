package health.salus.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The test mail server's inbox of one address, as decoded text (a long link may be broken and escaped in transit). */
public final class Mailbox {

    private Mailbox() {
    }

    /** The text of every email to {@code address} so far, oldest first. */
    public static List<String> textsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> sentTo(message, address))
                .map(Mailbox::text).toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new AssertionError("An unreadable email", e);
        }
    }
}
