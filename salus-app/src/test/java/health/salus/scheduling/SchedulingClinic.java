package health.salus.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.Api;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import health.salus.support.Tokens;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A small clinic for scheduling tests: a site in New York, a practitioner working weekdays 09:00–17:00
 * with a 12:00–13:00 lunch (30-minute visits, 15-minute buffer), patients with and without a privacy
 * consent, and tokens for the roles that book. Every call makes fresh ids.
 */
final class SchedulingClinic {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final int port;
    private final Accounts accounts;
    private final ResourceStore store;
    private final SystemAccess system;

    SchedulingClinic(int port, Accounts accounts, ResourceStore store, SystemAccess system) {
        this.port = port;
        this.accounts = accounts;
        this.store = store;
        this.system = system;
    }

    /** A site with its zone set up; returns the Location id. */
    String site() {
        String id = create(new Location().setName("Site " + unique()));
        expect(call(token(Role.ADMINISTRATOR), "PUT", "/api/scheduling/locations/" + id,
                "{\"zone\":\"America/New_York\",\"holidays\":[]}"), 204);
        return id;
    }

    /** A practitioner at {@code site}, weekdays 09:00–17:00, lunch 12:00–13:00; returns the Practitioner id. */
    String practitioner(String site, String specialty) {
        String id = create(new Practitioner().addName(new HumanName().setFamily("Doc" + unique())));
        StringBuilder hours = new StringBuilder();
        StringBuilder breaks = new StringBuilder();
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            hours.append(hours.isEmpty() ? "" : ",").append("{\"location\":\"").append(site).append("\",\"dayOfWeek\":\"")
                    .append(day).append("\",\"start\":\"09:00\",\"end\":\"17:00\"}");
            breaks.append(breaks.isEmpty() ? "" : ",").append("{\"location\":\"").append(site)
                    .append("\",\"dayOfWeek\":\"").append(day).append("\",\"start\":\"12:00\",\"end\":\"13:00\"}");
        }
        expect(call(token(Role.ADMINISTRATOR), "PUT", "/api/scheduling/practitioners/" + id, "{\"specialty\":\""
                + specialty + "\",\"defaultMinutes\":30,\"hours\":[" + hours + "],\"breaks\":[" + breaks + "]}"), 204);
        return id;
    }

    /** A registered patient with an active privacy consent. */
    String consentedPatient() {
        return consented(patientWithoutConsent());
    }

    /** A consented patient with a mobile number (E.164) and nothing else to reach them by: messages go by SMS. */
    String consentedPatientWithMobile(String given, String family, String mobile) {
        Patient patient = new Patient().addName(new HumanName().setFamily(family).addGiven(given));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                .setValue(mobile);
        return consented(create(patient));
    }

    /** A visit the patient attended with the practitioner {@code daysAgo} days ago (written directly, as history). */
    String pastVisit(String patient, String practitioner, String site, int daysAgo) {
        return pastVisit(patient, practitioner, site, daysAgo, Appointment.AppointmentStatus.FULFILLED);
    }

    String pastVisit(String patient, String practitioner, String site, int daysAgo,
            Appointment.AppointmentStatus outcome) {
        java.time.Instant start = java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Appointment visit = new Appointment().setStatus(outcome)
                .setStart(java.util.Date.from(start)).setEnd(java.util.Date.from(start.plusSeconds(1800)))
                .setCreated(java.util.Date.from(start.minus(java.time.Duration.ofDays(14))));
        visit.getAppointmentType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0276")
                .setCode("ROUTINE");
        for (String actor : new String[] {"Patient/" + patient, "Practitioner/" + practitioner, "Location/" + site}) {
            visit.addParticipant().setActor(new Reference(actor))
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        return create(visit);
    }

    /** A consented patient with an email address and a mobile number (either may be null), for reminders. */
    String consentedPatient(String email, String mobile) {
        Patient patient = new Patient().addName(new HumanName().setFamily("Sched" + unique()).addGiven("Pat"));
        if (email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email);
        }
        if (mobile != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setUse(ContactPoint.ContactPointUse.MOBILE).setValue(mobile);
        }
        return consented(create(patient));
    }

    private String consented(String id) {
        Consent consent = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + id));
        consent.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope")
                .setCode("patient-privacy");
        consent.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
        consent.getPolicyRule().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .setCode("OPTIN");
        create(consent);
        return id;
    }

    String patientWithoutConsent() {
        return create(new Patient().addName(new HumanName().setFamily("Sched" + unique()).addGiven("Pat")));
    }

    /** 09:00 local on a weekday two weeks ahead, plus {@code minutes}, as an ISO offset date-time. */
    static String weekdayAt(int weekOffset, String localTime) {
        LocalDate monday = LocalDate.now(NEW_YORK).plusWeeks(2 + weekOffset).with(TemporalAdjusters.previousOrSame(
                DayOfWeek.MONDAY));
        return LocalDateTime.of(monday, java.time.LocalTime.parse(localTime)).atZone(NEW_YORK).toOffsetDateTime()
                .toString();
    }

    static String booking(String patient, String practitioner, String site, String start) {
        return "{\"patient\":\"" + patient + "\",\"practitioner\":\"" + practitioner + "\",\"location\":\"" + site
                + "\",\"start\":\"" + start + "\"}";
    }

    String token(Role role) {
        return Tokens.cached("scheduling " + port + " " + role, () -> tokenFor(TestUsers.create(accounts, role, null)));
    }

    String tokenFor(String username) {
        return SignIn.smartToken(port, username, "openid fhirUser user/*.cruds").get("access_token").asText();
    }

    HttpResponse<String> call(String token, String method, String path, String json) {
        return Api.call(port, token, method, path, json);
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but was " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(Resource resource) {
        return system.call("test-setup", () -> store.create(resource, Optional.empty()).resource().getIdElement()
                .getIdPart());
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
