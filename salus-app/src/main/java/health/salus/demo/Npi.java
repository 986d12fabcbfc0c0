package health.salus.demo;

/**
 * National Provider Identifier check digit (Luhn over the number prefixed with the
 * health-industry issuer code 80840, as CMS specifies).
 */
public final class Npi {

    private static final String ISSUER_PREFIX = "80840";

    private Npi() {
    }

    /** True when {@code npi} is ten digits whose last digit is the 80840-Luhn check digit. */
    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || !npi.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** Appends the check digit to a nine-digit base. */
    public static String withCheckDigit(String nineDigits) {
        if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("NPI base must be nine digits: " + nineDigits);
        }
        return nineDigits + checkDigit(nineDigits);
    }

    private static int checkDigit(String nineDigits) {
        String payload = ISSUER_PREFIX + nineDigits;
        int sum = 0;
        // Luhn doubles every second digit counting from the right of the payload, which is
        // the rightmost digit because the check digit is not part of it yet.
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
