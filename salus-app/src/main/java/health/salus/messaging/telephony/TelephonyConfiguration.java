package health.salus.messaging.telephony;

import health.salus.messaging.Channel;
import health.salus.messaging.delivery.HandOverFailure;
import health.salus.messaging.delivery.MessagingProperties;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway is the REST adapter, pointed at the configured provider or, when none is configured and
 * the simulator is on (demo, tests), at the loopback simulator. Neither: SMS and voice fail permanently
 * with a code that says so, and email and in-app still work.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

    static final String SIMULATOR_ACCOUNT = "ACsimulator";
    static final String SIMULATOR_TOKEN = "simulator-token";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "salus.messaging.telephony.simulator.enabled", havingValue = "true")
    TelephonySimulator telephonySimulator(MessagingProperties properties, Clock clock) {
        return new TelephonySimulator(properties.telephony().simulator().port(), SIMULATOR_ACCOUNT, SIMULATOR_TOKEN,
                clock);
    }

    @Bean
    TelephonyGateway telephonyGateway(MessagingProperties properties, ObjectProvider<TelephonySimulator> simulator) {
        MessagingProperties.Telephony telephony = properties.telephony();
        if (!telephony.baseUrl().isBlank()) {
            return new RestTelephonyGateway(telephony.baseUrl(), telephony.account(), telephony.token(),
                    telephony.fromNumber(), telephony.timeout());
        }
        Optional<TelephonySimulator> loopback = Optional.ofNullable(simulator.getIfAvailable());
        if (loopback.isPresent()) {
            return new RestTelephonyGateway(loopback.get().baseUrl(), SIMULATOR_ACCOUNT, SIMULATOR_TOKEN,
                    telephony.fromNumber(), telephony.timeout());
        }
        return (Channel channel, String to, String text) -> {
            throw new HandOverFailure("gateway-not-configured", true);
        };
    }
}
