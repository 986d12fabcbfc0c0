package health.salus.patients.eligibility.clearinghouse;

/** No answer from the clearinghouse; {@code code} (HTTP-503, TIMEOUT, IO) is safe to store and show. */
public class ClearinghouseUnavailableException extends RuntimeException {

    private final String code;

    public ClearinghouseUnavailableException(String code, Throwable cause) {
        super("The clearinghouse did not answer (" + code + ")", cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
