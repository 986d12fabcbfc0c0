package health.salus.patients.eligibility.clearinghouse;

/** The clearinghouse refused the call (credentials, payload); {@code code} is e.g. HTTP-401. */
public class ClearinghouseRefusedException extends RuntimeException {

    private final String code;

    public ClearinghouseRefusedException(String code) {
        super("The clearinghouse refused the inquiry (" + code + ")");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
