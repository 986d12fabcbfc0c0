package health.salus.messaging;

import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;

/** Test patients for messaging: unique names, addresses and numbers, each test its own. */
final class MessagingClinic {

    static final String BIRTH_DATE = "1981-05-17";

    private MessagingClinic() {
    }

    /** A patient with the given contact points ({@code null} = none) and preferred language. */
    static Patient patient(String given, String family, String email, String phone, String language) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven(given);
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(BIRTH_DATE));
        if (email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
        }
        if (phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(phone);
        }
        if (language != null) {
            patient.addCommunication().setPreferred(true).setLanguage(new CodeableConcept(
                    new Coding("urn:ietf:bcp:47", language, null)));
        }
        return patient;
    }

    /** A North American number nobody else in the test database has, as a person would write it. */
    static String uniquePhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("(%03d) %03d-%04d", 200 + random.nextInt(700), 200 + random.nextInt(700),
                random.nextInt(10000));
    }

    static String e164(String phone) {
        return "+1" + phone.replaceAll("[^0-9]", "");
    }
}
