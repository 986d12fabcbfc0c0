package health.salus.platform;

/**
 * The Luhn (mod 10) check digit: catches every single mistyped digit and most swaps of neighbours.
 * Used by NPIs (over the issuer prefix and base) and by our own medical record numbers.
 */
public final class LuhnCheckDigit {

    private LuhnCheckDigit() {
    }

    /** The digit (0–9) that completes {@code digits}; the caller checks they are all decimal digits. */
    public static int of(String digits) {
        int sum = 0;
        // the check digit is not in the payload yet, so doubling starts with its rightmost digit
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
