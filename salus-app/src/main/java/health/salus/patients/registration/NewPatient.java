package health.salus.patients.registration;

import static health.salus.patients.registration.RegistrationBundle.concept;
import static health.salus.patients.registration.RegistrationValidator.blank;

import java.util.Date;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** The FHIR Patient a checked registration describes. */
final class NewPatient {

    /**
     * HL7 FHIR Extensions Pack "Patient Sex Parameter For Clinical Use" (published for R4 use through the
     * extensions pack; core in R5), with its {@code value} sub-extension coded in the sex-parameter-for-
     * clinical-use code system. See ADR 0011.
     */
    static final String SEX_FOR_CLINICAL_USE =
            "http://hl7.org/fhir/StructureDefinition/patient-sexParameterForClinicalUse";
    static final String SEX_FOR_CLINICAL_USE_CODES =
            "http://terminology.hl7.org/CodeSystem/sex-parameter-for-clinical-use";
    static final String IDENTIFIER_TYPES = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private NewPatient() {
    }

    /** Without the MRN, as the master patient index compares it; {@link #withMrn} adds it. */
    static Patient of(CheckedRegistration checked) {
        RegistrationRequest request = checked.request();
        Patient patient = new Patient().setActive(true)
                .setBirthDate(Date.from(checked.birthDate().atStartOfDay().toInstant(ZoneOffset.UTC)))
                .setGender(AdministrativeGender.fromCode(request.gender()));
        // a date, not a time: keep the day the form said whatever the server's zone
        patient.getBirthDateElement().setValueAsString(checked.birthDate().toString());
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(request.name().family().strip());
        request.name().given().stream().filter(g -> !blank(g)).forEach(g -> name.addGiven(g.strip()));
        if (!blank(request.name().prefix())) {
            name.addPrefix(request.name().prefix().strip());
        }
        if (!blank(request.name().suffix())) {
            name.addSuffix(request.name().suffix().strip());
        }
        if (!blank(request.sexForClinicalUse())) {
            Extension sex = patient.addExtension().setUrl(SEX_FOR_CLINICAL_USE);
            sex.addExtension("value", concept(SEX_FOR_CLINICAL_USE_CODES, request.sexForClinicalUse(), null));
        }
        checked.phone().ifPresent(phone -> patient.addTelecom(RegistrationBundle.phone(phone)));
        checked.email().ifPresent(email -> patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL)
                .setValue(email));
        RegistrationRequest.Address address = request.address();
        if (address != null) {
            var stored = patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME)
                    .setCity(address.city().strip()).setPostalCode(address.postalCode().strip())
                    .setCountry(blank(address.country()) ? "US" : address.country().strip());
            address.lines().stream().filter(l -> !blank(l)).forEach(l -> stored.addLine(l.strip()));
            if (!blank(address.state())) {
                stored.setState(address.state().strip());
            }
        }
        if (!blank(request.preferredLanguage())) {
            patient.addCommunication().setPreferred(true)
                    .setLanguage(concept("urn:ietf:bcp:47", request.preferredLanguage().strip(), null));
        }
        RegistrationRequest.EmergencyContact contact = request.emergencyContact();
        if (contact != null) {
            Patient.ContactComponent stored = patient.addContact();
            stored.addRelationship(concept("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact"));
            if (!blank(contact.relationship())) {
                stored.addRelationship().setText(contact.relationship().strip());
            }
            stored.setName(new HumanName().setText(contact.name().strip()));
            checked.emergencyContactPhone().ifPresent(phone -> stored.addTelecom(RegistrationBundle.phone(phone)));
        }
        return patient;
    }

    static Patient withMrn(Patient patient, String system, String mrn) {
        patient.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL)
                .setType(concept(IDENTIFIER_TYPES, "MR", "Medical record number")).setSystem(system).setValue(mrn));
        return patient;
    }

    /** The patient's MRN in {@code system}, if the record has one. */
    static java.util.Optional<String> mrnOf(Patient patient, String system) {
        return patient.getIdentifier().stream().filter(id -> system.equals(id.getSystem())).map(Identifier::getValue)
                .findFirst();
    }
}
