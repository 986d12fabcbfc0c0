package health.salus.audit.monitoring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where alerts are emailed ({@code salus.audit.alerts.*}): the security office's addresses, the sender,
 * and the prefix of the link to the alert (empty: the path alone).
 */
@ConfigurationProperties("salus.audit.alerts")
record AlertProperties(@DefaultValue List<String> emailTo, @DefaultValue("salus-alerts@localhost") String emailFrom,
        @DefaultValue("") String linkBase) {

    AlertProperties {
        emailTo = emailTo == null ? List.of() : emailTo.stream().filter(to -> !to.isBlank()).toList();
    }
}
