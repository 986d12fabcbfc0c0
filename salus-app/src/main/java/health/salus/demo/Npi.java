package health.salus.demo;

import health.salus.directory.NationalProviderIdentifier;

/** NPIs for synthetic practitioners, valid by the directory's check so the store accepts them. */
public final class Npi {

    private Npi() {
    }

    public static boolean isValid(String npi) {
        return NationalProviderIdentifier.isValid(npi);
    }

    /** Appends the check digit to a nine-digit base. */
    public static String withCheckDigit(String nineDigits) {
        return nineDigits + NationalProviderIdentifier.checkDigit(nineDigits);
    }
}
