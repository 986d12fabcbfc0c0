package health.salus.patients.eligibility.clearinghouse;

/**
 * The port to the clearinghouse that routes eligibility inquiries to payers: an X12 270 goes out, a
 * 271 (or a TA1/999) comes back. Payloads are PHI: implementations never log them.
 */
public interface Clearinghouse {

    /**
     * @throws ClearinghouseUnavailableException when no answer came (timeout, refused, 5xx): worth retrying
     * @throws ClearinghouseRefusedException     when the clearinghouse refused the call (4xx): retrying won't help
     */
    String exchange(String x12Request);
}
