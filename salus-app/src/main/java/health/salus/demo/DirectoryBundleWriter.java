package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.NetworkOrganization;
import health.salus.demo.ClinicDirectory.PostalAddress;
import health.salus.demo.ClinicDirectory.Site;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Location.DaysOfWeek;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes the directory as a transaction of PUTs with fixed ids, so loading it twice leaves
 * the server unchanged and patient bundles can point at {@code Practitioner/prac-N} directly.
 */
final class DirectoryBundleWriter {

    private static final List<DaysOfWeek> WEEKDAYS = List.of(DaysOfWeek.MON, DaysOfWeek.TUE, DaysOfWeek.WED,
            DaysOfWeek.THU, DaysOfWeek.FRI);

    private final ClinicDirectory directory;

    DirectoryBundleWriter(ClinicDirectory directory) {
        this.directory = directory;
    }

    Bundle write() {
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        directory.organizations().forEach(o -> put(bundle, organization(o)));
        directory.sites().forEach(s -> put(bundle, location(s)));
        directory.clinicians().forEach(c -> put(bundle, practitioner(c)));
        directory.clinicians().forEach(c -> put(bundle, role(c)));
        return bundle;
    }

    private static void put(Bundle bundle, Resource resource) {
        String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        bundle.addEntry().setResource(resource).getRequest().setMethod(HTTPVerb.PUT).setUrl(url);
    }

    private static Organization organization(NetworkOrganization source) {
        Organization organization = new Organization();
        organization.setId(source.id());
        organization.addIdentifier(npi(source.npi()));
        organization.setActive(true);
        organization.addType(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/organization-type", "prov",
                "Healthcare Provider"));
        organization.setName(source.name());
        organization.addTelecom(phone(source.phone()));
        organization.addAddress(address(source.address()));
        source.partOfId().ifPresent(parent -> organization.setPartOf(FhirTypes.ref("Organization/" + parent)));
        return organization;
    }

    private Location location(Site site) {
        Location location = new Location();
        location.setId(site.id());
        location.setStatus(Location.LocationStatus.ACTIVE);
        location.setName(site.name());
        location.setMode(Location.LocationMode.INSTANCE);
        location.addType(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "OF",
                "Outpatient facility"));
        location.addTelecom(phone(site.phone()));
        location.setAddress(address(site.address()));
        String organizationName = directory.organizations().stream()
                .filter(o -> o.id().equals(site.organizationId())).findFirst().orElseThrow().name();
        location.setManagingOrganization(FhirTypes.ref("Organization/" + site.organizationId(), organizationName));
        Location.LocationHoursOfOperationComponent hours = location.addHoursOfOperation();
        WEEKDAYS.forEach(hours::addDaysOfWeek);
        hours.setOpeningTime("07:30:00").setClosingTime("17:30:00");
        return location;
    }

    private Practitioner practitioner(Clinician clinician) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(clinician.id());
        practitioner.addIdentifier(npi(clinician.npi()));
        practitioner.setActive(true);
        practitioner.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(clinician.family())
                .addGiven(clinician.given()).addPrefix("Dr.").addSuffix(clinician.degree());
        practitioner.addTelecom(phone(directory.site(clinician.siteId()).phone()));
        practitioner.addTelecom(new ContactPoint().setSystem(ContactPointSystem.EMAIL).setUse(ContactPointUse.WORK)
                .setValue(Emails.localPart(clinician.given() + "." + clinician.family()) + "@saguaro-health.example"));
        practitioner.setGender(clinician.female() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        boolean osteopath = clinician.degree().equals("DO");
        practitioner.addQualification()
                .setCode(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/v2-0360|2.7", clinician.degree(),
                        osteopath ? "Doctor of Osteopathy" : "Doctor of Medicine"))
                .setIssuer(new Reference().setDisplay(osteopath
                        ? "Arizona Board of Osteopathic Examiners" : "Arizona Medical Board"));
        return practitioner;
    }

    private PractitionerRole role(Clinician clinician) {
        Site site = directory.site(clinician.siteId());
        PractitionerRole role = new PractitionerRole();
        role.setId(clinician.roleId());
        role.setActive(true);
        role.setPractitioner(FhirTypes.ref("Practitioner/" + clinician.id(), clinician.displayName()));
        role.setOrganization(FhirTypes.ref("Organization/" + clinician.organizationId()));
        role.addCode(FhirTypes.concept("http://terminology.hl7.org/CodeSystem/practitioner-role", "doctor", "Doctor"));
        role.addSpecialty(FhirTypes.concept(clinician.specialty().practiceCode));
        role.addLocation(FhirTypes.ref("Location/" + site.id(), site.name()));
        role.addTelecom(phone(site.phone()));
        PractitionerRole.PractitionerRoleAvailableTimeComponent available = role.addAvailableTime();
        WEEKDAYS.forEach(day -> available.addDaysOfWeek(PractitionerRole.DaysOfWeek.fromCode(day.toCode())));
        available.setAvailableStartTime("08:00:00").setAvailableEndTime("17:00:00");
        return role;
    }

    private static Identifier npi(String value) {
        return new Identifier().setSystem(ClinicalCatalog.NPI_SYSTEM).setValue(value);
    }

    static ContactPoint phone(String number) {
        return new ContactPoint().setSystem(ContactPointSystem.PHONE).setUse(ContactPointUse.WORK).setValue(number);
    }

    static Address address(PostalAddress source) {
        return new Address().setUse(Address.AddressUse.WORK).addLine(source.line()).setCity(source.city())
                .setState(source.state()).setPostalCode(source.postalCode()).setCountry("US");
    }
}
