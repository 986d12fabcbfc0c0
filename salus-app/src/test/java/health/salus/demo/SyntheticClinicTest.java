package health.salus.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class SyntheticClinicTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    private static final long SEED = 20261101L;

    private final SyntheticClinic clinic = new SyntheticClinic(SEED, REFERENCE_DATE);

    @Test
    void sameSeedGivesByteIdenticalJson() {
        SyntheticClinic again = new SyntheticClinic(SEED, REFERENCE_DATE);
        IParser parser = FHIR.newJsonParser();
        assertThat(parser.encodeResourceToString(again.directoryBundle()))
                .isEqualTo(parser.encodeResourceToString(clinic.directoryBundle()));
        for (int index : List.of(0, 1, 7, 42)) {
            assertThat(parser.encodeResourceToString(again.patientBundle(index)))
                    .isEqualTo(parser.encodeResourceToString(clinic.patientBundle(index)));
        }
    }

    @Test
    void patientDoesNotDependOnGenerationOrder() {
        IParser parser = FHIR.newJsonParser();
        String direct = parser.encodeResourceToString(clinic.patientBundle(5));
        String viaStream = parser.encodeResourceToString(clinic.patientBundles(6).skip(5).findFirst().orElseThrow());
        assertThat(viaStream).isEqualTo(direct);
    }

    @Test
    void jsonDoesNotDependOnTheMachineTimeZoneOrLocale() {
        IParser parser = FHIR.newJsonParser();
        String here = parser.encodeResourceToString(clinic.patientBundle(3));
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
            String elsewhere = parser.encodeResourceToString(new SyntheticClinic(SEED, REFERENCE_DATE).patientBundle(3));
            assertThat(elsewhere).isEqualTo(here);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void differentSeedGivesDifferentData() {
        SyntheticClinic other = new SyntheticClinic(SEED + 1, REFERENCE_DATE);
        IParser parser = FHIR.newJsonParser();
        assertThat(parser.encodeResourceToString(other.directoryBundle()))
                .isNotEqualTo(parser.encodeResourceToString(clinic.directoryBundle()));
        assertThat(parser.encodeResourceToString(other.patientBundle(0)))
                .isNotEqualTo(parser.encodeResourceToString(clinic.patientBundle(0)));
    }

    @Test
    void npisPassTheLuhnCheckWithThe80840Prefix() {
        assertThat(Npi.isValid("1234567893")).as("CMS worked example").isTrue();
        assertThat(Npi.isValid("1234567890")).isFalse();
        List<String> npis = clinic.directoryBundle().getEntry().stream().map(BundleEntryComponent::getResource)
                .flatMap(r -> identifiers(r).stream())
                .filter(i -> "http://hl7.org/fhir/sid/us-npi".equals(i.getSystem()))
                .map(Identifier::getValue).toList();
        assertThat(npis).hasSize(15).doesNotHaveDuplicates().allSatisfy(npi -> assertThat(Npi.isValid(npi)).isTrue());
    }

    @Test
    void directoryIsAnIdempotentTransaction() {
        Bundle directory = clinic.directoryBundle();
        assertThat(directory.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(directory.getEntry()).allSatisfy(entry -> {
            assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.PUT);
            assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType() + "/"
                    + entry.getResource().getIdElement().getIdPart());
        });
        assertThat(directory.getEntry().stream().filter(e -> e.getResource() instanceof Practitioner)).hasSize(12);
        assertThat(directoryIds()).contains("Organization/org-1", "Location/loc-3", "Practitioner/prac-12",
                "PractitionerRole/role-12");
    }

    @Test
    void everyReferenceResolvesInsideTheBundleOrToTheDirectory() {
        Set<String> directory = directoryIds();
        for (Bundle bundle : clinic.patientBundles(25).toList()) {
            Set<String> fullUrls = bundle.getEntry().stream().map(BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(bundle.getEntry()).allSatisfy(entry -> {
                assertThat(entry.getFullUrl()).startsWith("urn:uuid:");
                assertThat(entry.getRequest().getMethod()).isEqualTo(HTTPVerb.POST);
            });
            for (BundleEntryComponent entry : bundle.getEntry()) {
                for (Reference reference : references(entry.getResource())) {
                    assertThat(reference.getReference())
                            .as("reference in %s", entry.getResource().fhirType())
                            .satisfiesAnyOf(r -> assertThat(fullUrls).contains(r),
                                    r -> assertThat(directory).contains(r));
                }
            }
        }
        Set<String> directoryRefs = new HashSet<>();
        clinic.directoryBundle().getEntry().forEach(e -> references(e.getResource())
                .forEach(r -> directoryRefs.add(r.getReference())));
        assertThat(directory).containsAll(directoryRefs);
    }

    @Test
    void nothingHappensBeforeBirthOrAfterTheReferenceDateExceptBookings() {
        OffsetDateTime endOfReferenceDay = REFERENCE_DATE.plusDays(1).atStartOfDay().atOffset(FhirTypes.CLINIC_OFFSET);
        int futureBookings = 0;
        for (Bundle bundle : clinic.patientBundles(200).toList()) {
            Patient patient = (Patient) bundle.getEntryFirstRep().getResource();
            LocalDate birth = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
            assertThat(birth).isBeforeOrEqualTo(REFERENCE_DATE).isAfter(REFERENCE_DATE.minusYears(97));
            for (BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                boolean booking = resource instanceof Appointment a && a.getStatus() == Appointment.AppointmentStatus.BOOKED;
                if (booking) {
                    futureBookings++;
                }
                for (BaseDateTimeType date : dates(resource)) {
                    String text = date.getValueAsString();
                    assertThat(LocalDate.parse(text.substring(0, 10))).as("%s in %s", text, resource.fhirType())
                            .isAfterOrEqualTo(birth);
                    boolean appointmentTime = booking && !date.equals(((Appointment) resource).getCreatedElement());
                    if (text.length() > 10 && !appointmentTime && !isExpiry(resource, date)) {
                        assertThat(OffsetDateTime.parse(text)).as("%s in %s", text, resource.fhirType())
                                .isBefore(endOfReferenceDay);
                    } else if (!appointmentTime && !isExpiry(resource, date) && !isValidityEnd(resource, date)) {
                        assertThat(LocalDate.parse(text)).as("%s in %s", text, resource.fhirType())
                                .isBeforeOrEqualTo(REFERENCE_DATE);
                    }
                }
            }
        }
        assertThat(futureBookings).isPositive();
    }

    @Test
    void generatesAThousandPatientsInReasonableTime() {
        IParser parser = FHIR.newJsonParser();
        long generating = 0;
        long encoding = 0;
        long resources = 0;
        long jsonChars = 0;
        for (int index = 0; index < 1000; index++) {
            long started = System.nanoTime();
            Bundle bundle = clinic.patientBundle(index);
            long generated = System.nanoTime();
            jsonChars += parser.encodeResourceToString(bundle).length();
            encoding += System.nanoTime() - generated;
            generating += generated - started;
            resources += bundle.getEntry().size();
        }
        System.out.printf("1000 patient bundles: generated in %.1f s, JSON-encoded in %.1f s; %d resources "
                + "(%.1f per patient), %.1f MB of JSON%n", generating / 1e9, encoding / 1e9, resources,
                resources / 1000.0, jsonChars / 1e6);
        assertThat(resources).isGreaterThan(1000L * 20);
    }

    private Set<String> directoryIds() {
        return clinic.directoryBundle().getEntry().stream().map(e -> e.getRequest().getUrl())
                .collect(Collectors.toSet());
    }

    private static List<Identifier> identifiers(Resource resource) {
        return resource.getNamedProperty("identifier") == null ? List.of()
                : resource.getNamedProperty("identifier").getValues().stream().map(Identifier.class::cast).toList();
    }

    static List<Reference> references(Base element) {
        List<Reference> found = new java.util.ArrayList<>();
        element.children().forEach(property -> property.getValues().forEach(value -> {
            if (value instanceof Reference reference && reference.hasReference()) {
                found.add(reference);
            } else if (value != null && !(value instanceof Resource)) {
                found.addAll(references(value));
            }
        }));
        return found;
    }

    private static List<BaseDateTimeType> dates(Base element) {
        List<BaseDateTimeType> found = new java.util.ArrayList<>();
        element.children().forEach(property -> property.getValues().forEach(value -> {
            if (value instanceof BaseDateTimeType date && date.hasValue()) {
                found.add(date);
            } else if (value != null) {
                found.addAll(dates(value));
            }
        }));
        return found;
    }

    private static boolean isExpiry(Resource resource, BaseDateTimeType date) {
        return resource instanceof org.hl7.fhir.r4.model.Immunization immunization
                && date == immunization.getExpirationDateElement();
    }

    private static boolean isValidityEnd(Resource resource, BaseDateTimeType date) {
        return resource instanceof org.hl7.fhir.r4.model.MedicationRequest request
                && date == request.getDispenseRequest().getValidityPeriod().getEndElement();
    }
}
