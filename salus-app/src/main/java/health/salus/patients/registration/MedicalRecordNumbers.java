package health.salus.patients.registration;

import health.salus.platform.LuhnCheckDigit;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Medical record numbers: the configured prefix, the next value of the {@code patients_mrn_seq}
 * database sequence zero-padded to the configured width, and a Luhn check digit so a mistyped digit
 * is caught at the desk. The sequence makes them unique across nodes without locking.
 */
@Component
class MedicalRecordNumbers {

    private final JdbcClient jdbc;
    private final RegistrationProperties.Mrn format;

    MedicalRecordNumbers(JdbcClient jdbc, RegistrationProperties properties) {
        this.jdbc = jdbc;
        this.format = properties.mrn();
    }

    String next() {
        long value = jdbc.sql("select nextval('patients_mrn_seq')").query(Long.class).single();
        String digits = String.format(Locale.ROOT, "%0" + format.digits() + "d", value);
        if (digits.length() > format.digits()) {
            throw new IllegalStateException("The MRN sequence outgrew salus.patients.mrn.digits");
        }
        return format.prefix() + digits + luhnCheckDigit(digits);
    }

    String system() {
        return format.system();
    }

    /** Whether the digits after the prefix end in their correct check digit. */
    boolean isWellFormed(String mrn) {
        if (!mrn.startsWith(format.prefix()) || mrn.length() != format.prefix().length() + format.digits() + 1) {
            return false;
        }
        String digits = mrn.substring(format.prefix().length(), mrn.length() - 1);
        return digits.chars().allMatch(Character::isDigit)
                && mrn.charAt(mrn.length() - 1) == luhnCheckDigit(digits);
    }

    static char luhnCheckDigit(String digits) {
        return (char) ('0' + LuhnCheckDigit.of(digits));
    }
}
