package health.salus.messaging.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import health.salus.messaging.delivery.MessagingProperties;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code salus.messaging.email.embedded-smtp.enabled} a GreenMail SMTP server runs on loopback and
 * patient email goes there (the demo outbox reads it back). Its sender is not a bean of its own, so the
 * security alerts keep using only what {@code spring.mail.*} configures.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    @Bean(destroyMethod = "stop")
    @ConditionalOnProperty(name = "salus.messaging.email.embedded-smtp.enabled", havingValue = "true")
    GreenMail embeddedSmtp(MessagingProperties properties) {
        MessagingProperties.EmbeddedSmtp smtp = properties.email().embeddedSmtp();
        ServerSetup setup = new ServerSetup(smtp.port(), smtp.host(), ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(smtp.port() == 0 ? setup.dynamicPort() : setup);
        server.start();
        return server;
    }

    @Bean
    EmailSender patientEmailSender(MessagingProperties properties, ObjectProvider<GreenMail> embedded,
            ObjectProvider<JavaMailSender> configured) {
        GreenMail loopback = embedded.getIfAvailable();
        if (loopback != null) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(properties.email().embeddedSmtp().host());
            sender.setPort(loopback.getSmtp().getPort());
            sender.setDefaultEncoding("UTF-8");
            return new EmailSender(Optional.of(sender), properties.email().from());
        }
        return new EmailSender(Optional.ofNullable(configured.getIfAvailable()), properties.email().from());
    }
}
