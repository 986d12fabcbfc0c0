package health.salus.audit.monitoring;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The security monitors and their alert channels. Email goes to {@code salus.audit.alerts.email-to}
 * when a mail host is configured ({@code spring.mail.host}); without one the channel is off and says
 * so once at start-up.
 */
@Configuration
@EnableConfigurationProperties({MonitoringProperties.class, AlertProperties.class})
class MonitoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MonitoringConfiguration.class);

    @Bean
    AlertEmail alertEmail(ObjectProvider<JavaMailSender> mailSender, AlertProperties properties) {
        AlertEmail email = new AlertEmail(Optional.ofNullable(mailSender.getIfAvailable()), properties.emailTo(),
                properties.emailFrom(), properties.linkBase());
        if (!email.enabled()) {
            log.info("Security alert email is off: set spring.mail.host and salus.audit.alerts.email-to to turn it on");
        }
        return email;
    }

    /**
     * One thread of its own (not a shared executor bean, which would displace Spring's default task
     * executor): monitors see entries in chain order, and a burst never takes more than one core.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "salus.audit.monitoring.enabled", matchIfMissing = true)
    SecurityMonitors securityMonitors(List<Monitor> monitors, Alerts alerts, AlertEmail email,
            MonitoringProperties properties) {
        return new SecurityMonitors(monitors, alerts, email, Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "security-monitors");
            thread.setDaemon(true);
            return thread;
        }), properties.evaluateEvery());
    }
}
