package health.salus.patients.mpi;

import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;

/** Patients for the index tests: a surname no other test uses, and a birth date, phone and e-mail of its own. */
final class MpiTestPatients {

    private static final String CONSONANTS = "bcdfghjklmnprstvz";
    private static final String VOWELS = "aeiou";

    private MpiTestPatients() {
    }

    /** A pronounceable surname of 12 letters, different in its first sounds from every other one. */
    static String uniqueSurname() {
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            name.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            name.append(VOWELS.charAt(random.nextInt(VOWELS.length())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A birth date between 1940 and 2009, on a day number 1–28 so every variant stays a valid date. */
    static String uniqueBirthDate() {
        Random random = new Random(UUID.randomUUID().getLeastSignificantBits());
        return String.format("%d-%02d-%02d", 1940 + random.nextInt(70), 1 + random.nextInt(12), 13 + random.nextInt(16));
    }

    static String uniquePhone() {
        Random random = new Random(UUID.randomUUID().getMostSignificantBits());
        return String.format("(%03d) 555-%04d", 200 + random.nextInt(700), random.nextInt(10000));
    }

    static Patient patient(String given, String family, String birthDate, AdministrativeGender sex, String phone,
            String email, String street, String postalCode) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven(given);
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
        patient.setGender(sex);
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(phone);
        }
        if (email != null) {
            patient.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(email);
        }
        if (street != null) {
            patient.addAddress().addLine(street).setCity("Tucson").setState("AZ").setPostalCode(postalCode);
        }
        return patient;
    }
}
