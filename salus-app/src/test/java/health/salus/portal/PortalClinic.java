package health.salus.portal;

import health.salus.fhir.ResourceStore;
import health.salus.scheduling.booking.AppointmentView;
import health.salus.scheduling.booking.Appointments;
import health.salus.scheduling.booking.BookingRequest;
import health.salus.security.Accounts;
import health.salus.security.ConsentGrants;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Synthetic data for the portal's tests: a New York site, a practitioner working weekdays 09:00–17:00,
 * patients with the privacy acknowledgement booking needs, their family members, a condition and a
 * vaccination, and grants. Every call makes fresh ids and names.
 */
final class PortalClinic {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Map<Integer, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private final int port;
    private final Accounts accounts;
    private final ResourceStore store;
    private final SystemAccess system;

    PortalClinic(int port, Accounts accounts, ResourceStore store, SystemAccess system) {
        this.port = port;
        this.accounts = accounts;
        this.store = store;
        this.system = system;
    }

    String site() {
        String id = create(new Location().setName("Portal site " + unique()));
        expect(Api.call(port, adminToken(), "PUT", "/api/scheduling/locations/" + id,
                "{\"zone\":\"America/New_York\",\"holidays\":[]}"), 204);
        return id;
    }

    /** A practitioner at {@code site} weekdays 09:00–17:00, 30-minute visits; named "Robin {family}". */
    String practitioner(String site, String family) {
        String id = create(new Practitioner().addName(new HumanName().setFamily(family).addGiven("Robin")));
        StringBuilder hours = new StringBuilder();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.append(hours.isEmpty() ? "" : ",").append("{\"location\":\"").append(site)
                    .append("\",\"dayOfWeek\":\"").append(day).append("\",\"start\":\"09:00\",\"end\":\"17:00\"}");
        }
        expect(Api.call(port, adminToken(), "PUT", "/api/scheduling/practitioners/" + id,
                "{\"specialty\":\"394814009\",\"defaultMinutes\":30,\"hours\":[" + hours + "],\"breaks\":[]}"), 204);
        return id;
    }

    /** A patient named "Pat {family}" with an active privacy acknowledgement. */
    String patient(String family) {
        String id = create(new Patient().addName(new HumanName().setFamily(family).addGiven("Pat")));
        Consent privacy = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + id));
        privacy.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        privacy.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
        privacy.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .setCode("OPTIN");
        create(privacy);
        return id;
    }

    /** A family member of the patient, "Sam {family}", their child. */
    String familyMember(String patientId, String family) {
        RelatedPerson related = new RelatedPerson().setPatient(new Reference("Patient/" + patientId));
        related.addName(new HumanName().setFamily(family).addGiven("Sam"));
        related.getRelationshipFirstRep().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-RoleCode")
                .setCode("CHILD").setDisplay("child");
        return create(related);
    }

    void condition(String patientId, String text) {
        Condition condition = new Condition().setSubject(new Reference("Patient/" + patientId))
                .setCode(new CodeableConcept().setText(text));
        condition.setClinicalStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active")));
        condition.setVerificationStatus(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed")));
        create(condition);
    }

    void immunization(String patientId, String text) {
        Immunization immunization = new Immunization().setStatus(Immunization.ImmunizationStatus.COMPLETED)
                .setPatient(new Reference("Patient/" + patientId))
                .setVaccineCode(new CodeableConcept().setText(text))
                .setOccurrence(new DateTimeType("2026-01-15"));
        create(immunization);
    }

    /** A grant written as the system (the portal writes them as the patient; this is set-up). */
    String grant(String patientId, String actor, List<String> types) {
        return create(ConsentGrants.permit(patientId, actor, types));
    }

    /** Books a visit at {@code time} on a weekday two weeks ahead, as the system. */
    AppointmentView book(Appointments appointments, String patientId, String practitionerId, String site,
            String time) {
        return system.call("test-setup", () -> appointments.book(new BookingRequest(patientId, practitionerId, site,
                weekdayAt(time), null, "ROUTINE", "in-person")));
    }

    String user(Role role, String fhirUser) {
        return TestUsers.create(accounts, role, fhirUser);
    }

    String tokenFor(String username) {
        return SignIn.smartToken(port, username, "openid fhirUser user/*.cruds").get("access_token").asText();
    }

    static String weekdayAt(String localTime) {
        LocalDate monday = LocalDate.now(NEW_YORK).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return LocalDateTime.of(monday, LocalTime.parse(localTime)).atZone(NEW_YORK).toOffsetDateTime().toString();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but was " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private String adminToken() {
        return ADMIN_TOKENS.computeIfAbsent(port, p -> tokenFor(user(Role.ADMINISTRATOR, null)));
    }

    private String create(Resource resource) {
        return system.call("test-setup", () -> store.create(resource, Optional.empty()).resource().getIdElement()
                .getIdPart());
    }
}
