package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Alert emails reach the security office over SMTP and carry no patient or account identifiers. */
class AlertEmailTest {

    /** Loopback only, on a port the system picks, so parallel builds do not collide. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private static final Alert ALERT = new Alert("5b9f7c1e-2f0a-4c1b-9d7e-1a2b3c4d5e6f", "flagged-record-access",
            "high", "acct-7f3e9a", "patient-4711", "flag=VIP action=read outcome=SUCCESS",
            Instant.parse("2026-11-20T03:15:00Z"), Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void anAlertEmailArrivesWithRuleSeverityTimeAndLinkButNoPatientOrAccount() throws Exception {
        email(List.of("security-office@clinic.test")).send(ALERT);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("security-office@clinic.test");
        String subject = received[0].getSubject();
        String body = GreenMailUtil.getBody(received[0]);
        assertThat(subject).contains("HIGH").contains("flagged-record-access");
        assertThat(body).contains("flagged-record-access").contains("high").contains("2026-11-20T03:15:00Z")
                .contains("https://salus.clinic.test/api/audit/alerts/" + ALERT.id());
        assertThat(subject + body).doesNotContain("patient-4711").doesNotContain("acct-7f3e9a")
                .doesNotContain("VIP");
    }

    @Test
    void withoutRecipientsOrAMailServerNothingIsSent() {
        AlertEmail noRecipients = email(List.of());
        AlertEmail noServer = new AlertEmail(Optional.empty(), List.of("security-office@clinic.test"),
                "salus@clinic.test", "");
        noRecipients.send(ALERT);
        noServer.send(ALERT);

        assertThat(noRecipients.enabled()).isFalse();
        assertThat(noServer.enabled()).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static AlertEmail email(List<String> recipients) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return new AlertEmail(Optional.of(sender), recipients, "salus-alerts@clinic.test", "https://salus.clinic.test");
    }
}
