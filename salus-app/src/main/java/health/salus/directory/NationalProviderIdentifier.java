package health.salus.directory;

import health.salus.platform.LuhnCheckDigit;

/**
 * The National Provider Identifier (CMS): ten digits, the last a Luhn check digit computed over the
 * first nine prefixed with the health-industry issuer code 80840.
 */
public final class NationalProviderIdentifier {

    /** The FHIR identifier system of NPIs. */
    public static final String SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    private static final String ISSUER_PREFIX = "80840";

    private NationalProviderIdentifier() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || !npi.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** The check digit that completes a nine-digit base. */
    public static int checkDigit(String nineDigits) {
        if (nineDigits.length() != 9 || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("An NPI base is nine digits");
        }
        return LuhnCheckDigit.of(ISSUER_PREFIX + nineDigits);
    }
}
