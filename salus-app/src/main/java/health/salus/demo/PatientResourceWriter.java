package health.salus.demo;

import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/** The Patient resource: demographics, MRN, language and the assigned primary care provider. */
final class PatientResourceWriter {

    private static final Map<String, String> MARITAL_STATUS = Map.of("S", "Never Married", "M", "Married",
            "D", "Divorced", "W", "Widowed");

    private PatientResourceWriter() {
    }

    static Patient write(PatientProfile profile, LocalDate referenceDate, String guardianGiven) {
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier()
                .setUse(Identifier.IdentifierUse.USUAL)
                .setType(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR",
                        "Medical record number"))
                .setSystem(ClinicalCatalog.MRN_SYSTEM)
                .setValue(profile.mrn()));
        patient.setActive(true);
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(profile.family())
                .addGiven(profile.given());
        profile.middleName().ifPresent(name::addGiven);
        boolean minor = profile.ageOn(referenceDate) < 18;
        patient.addTelecom(new ContactPoint().setSystem(ContactPointSystem.PHONE)
                .setUse(minor ? ContactPointUse.HOME : ContactPointUse.MOBILE).setValue(profile.phone()));
        profile.email().ifPresent(email -> patient.addTelecom(new ContactPoint().setSystem(ContactPointSystem.EMAIL)
                .setUse(ContactPointUse.HOME).setValue(email)));
        patient.setGender(profile.female() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        patient.setBirthDateElement(FhirTypes.date(profile.birthDate()));
        patient.addAddress(new Address().setUse(Address.AddressUse.HOME).setType(Address.AddressType.BOTH)
                .addLine(profile.address().line()).setCity(profile.address().town().name()).setState("AZ")
                .setPostalCode(profile.address().postalCode()).setCountry("US"));
        profile.maritalStatus().ifPresent(code -> patient.setMaritalStatus(FhirTypes.concept(
                "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", code, MARITAL_STATUS.get(code))));
        if (minor) {
            Patient.ContactComponent guardian = patient.addContact();
            guardian.addRelationship(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v2-0131", "N",
                    "Next-of-Kin"));
            guardian.setName(new HumanName().setFamily(profile.family()).addGiven(guardianGiven));
            guardian.addTelecom(new ContactPoint().setSystem(ContactPointSystem.PHONE).setUse(ContactPointUse.MOBILE)
                    .setValue(profile.phone()));
        }
        boolean spanish = profile.language().equals("es");
        patient.addCommunication().setPreferred(true).setLanguage(FhirTypes.concept("urn:ietf:bcp:47",
                profile.language(), spanish ? "Spanish" : "English"));
        patient.addGeneralPractitioner(FhirTypes.ref("Practitioner/" + profile.primaryCare().id(),
                profile.primaryCare().displayName()));
        patient.setManagingOrganization(FhirTypes.ref("Organization/" + profile.primaryCare().organizationId()));
        return patient;
    }
}
