package health.salus.demo;

import health.salus.demo.ClinicalCatalog.Code;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Small builders for FHIR datatypes. Times are always written as text with an explicit
 * offset: HAPI would otherwise render {@code java.util.Date} in the JVM's default time zone
 * and the output would depend on the machine.
 */
final class FhirTypes {

    /** The clinics are in Arizona, which keeps UTC-7 all year, so no DST rules are involved. */
    static final ZoneOffset CLINIC_OFFSET = ZoneOffset.ofHours(-7);

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private FhirTypes() {
    }

    static String clinicTime(LocalDateTime local) {
        return local.atOffset(CLINIC_OFFSET).format(WITH_OFFSET);
    }

    static DateTimeType dateTime(LocalDateTime local) {
        return new DateTimeType(clinicTime(local));
    }

    static DateTimeType dateOnly(LocalDate date) {
        return new DateTimeType(date.toString());
    }

    static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }

    static InstantType instant(LocalDateTime local) {
        return new InstantType(clinicTime(local));
    }

    static Coding coding(Code code) {
        return new Coding(code.system(), code.code(), code.display());
    }

    static CodeableConcept concept(Code code) {
        return new CodeableConcept(coding(code)).setText(code.display());
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    static CodeableConcept text(String text) {
        return new CodeableConcept().setText(text);
    }

    static Reference ref(String reference) {
        return new Reference(reference);
    }

    static Reference ref(String reference, String display) {
        return new Reference(reference).setDisplay(display);
    }

    /** A UCUM quantity rounded half-up to {@code decimals} places, so the JSON is stable. */
    static Quantity quantity(double value, int decimals, String ucumUnit, String humanUnit) {
        return new Quantity()
                .setValue(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP))
                .setUnit(humanUnit)
                .setSystem(ClinicalCatalog.UCUM)
                .setCode(ucumUnit);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
