package health.salus.messaging.delivery;

/**
 * A mail server or gateway did not take a message. The code is safe to store and log (no address, no
 * text); {@code permanent} says trying again cannot help (no address, a refused number, no server).
 */
public final class HandOverFailure extends Exception {

    private final String code;
    private final boolean permanent;

    public HandOverFailure(String code, boolean permanent) {
        super(code, null, false, false);
        this.code = code;
        this.permanent = permanent;
    }

    public String code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }
}
