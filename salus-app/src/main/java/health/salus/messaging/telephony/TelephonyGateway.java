package health.salus.messaging.telephony;

import health.salus.messaging.Channel;
import health.salus.messaging.delivery.HandOverFailure;

/** The SMS and voice provider: one text to one number, answered with the provider's message id. */
public interface TelephonyGateway {

    /** @param channel SMS or VOICE (the text is read out) */
    String send(Channel channel, String toNumber, String text) throws HandOverFailure;
}
