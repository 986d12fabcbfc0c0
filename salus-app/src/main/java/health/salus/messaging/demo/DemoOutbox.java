package health.salus.messaging.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import health.salus.messaging.telephony.TelephonySimulator;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the loopback mail server and SMS simulator received, newest first. Demo only: it is message text. */
@Component
class DemoOutbox {

    record Item(String channel, String to, String subject, String text, Instant at) {
    }

    private final Optional<GreenMail> mail;
    private final Optional<TelephonySimulator> telephony;

    DemoOutbox(ObjectProvider<GreenMail> mail, ObjectProvider<TelephonySimulator> telephony) {
        this.mail = Optional.ofNullable(mail.getIfAvailable());
        this.telephony = Optional.ofNullable(telephony.getIfAvailable());
    }

    List<Item> items(int limit) {
        var emails = mail.stream().flatMap(server -> Arrays.stream(server.getReceivedMessages())).map(DemoOutbox::email);
        var texts = telephony.stream().flatMap(simulator -> simulator.sent().stream())
                .map(sent -> new Item(sent.kind(), sent.to(), "", sent.text(), sent.at()));
        return java.util.stream.Stream.concat(emails, texts).sorted(Comparator.comparing(Item::at).reversed())
                .limit(limit).toList();
    }

    private static Item email(MimeMessage message) {
        try {
            Instant at = Optional.ofNullable(message.getReceivedDate()).or(() -> {
                try {
                    return Optional.ofNullable(message.getSentDate());
                } catch (MessagingException e) {
                    return Optional.empty();
                }
            }).map(java.util.Date::toInstant).orElse(Instant.EPOCH);
            return new Item("email", String.join(", ", Arrays.stream(message.getAllRecipients())
                    .map(Object::toString).toList()), message.getSubject(), GreenMailUtil.getBody(message), at);
        } catch (MessagingException e) {
            return new Item("email", "", "(unreadable)", "", Instant.EPOCH);
        }
    }
}
