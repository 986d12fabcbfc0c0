package health.salus.messaging.telephony;

import health.salus.messaging.Channel;

/** The SMS and voice provider: one text to one number, answered with the provider's message id. */
public interface TelephonyGateway {

    /** @param channel SMS or VOICE (the text is read out) */
    String send(Channel channel, String toNumber, String text) throws GatewayException;

    /** Why a hand-over failed, as a code safe to store and log (no number, no text). */
    final class GatewayException extends Exception {

        private final String code;
        private final boolean permanent;

        public GatewayException(String code, boolean permanent) {
            super(code);
            this.code = code;
            this.permanent = permanent;
        }

        public String code() {
            return code;
        }

        /** true when trying again cannot help (invalid number, refused credentials) */
        public boolean permanent() {
            return permanent;
        }
    }
}
