package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The clinician's panel: the patients whose care team they are on, whose encounters they took part in,
 * or who have an appointment with them — the care relationships the policy itself recognises, searched
 * as the clinician, with the last visit and the next appointment.
 */
@Component
class MyPatients {

    /** how far back and forward each search looks, at most */
    private static final int FETCH = 200;
    private static final int MAX_PATIENTS = 100;

    private final ResourceStore store;
    private final People people;

    MyPatients(ResourceStore store, People people) {
        this.store = store;
        this.people = people;
    }

    record Row(String patientId, String name, String birthDate, String mrn, String lastVisit, String nextVisit,
            boolean careTeam) {
    }

    private static final class Found {
        boolean careTeam;
        Instant lastVisit;
        Instant nextVisit;
    }

    List<Row> rows(String practitionerId, Instant now, ZoneId zone, Locale locale) {
        String me = "Practitioner/" + practitionerId;
        Map<String, Found> found = new LinkedHashMap<>();
        for (Resource r : search("CareTeam", Map.of("participant", List.of(me), "status", List.of("active")))) {
            patientOf(((CareTeam) r).getSubject()).ifPresent(id -> found.computeIfAbsent(id, k -> new Found()).careTeam = true);
        }
        for (Resource r : search("Encounter", Map.of("participant", List.of(me), "_sort", List.of("-date")))) {
            Encounter encounter = (Encounter) r;
            patientOf(encounter.getSubject()).ifPresent(id -> {
                Found f = found.computeIfAbsent(id, k -> new Found());
                Instant start = encounter.getPeriod().hasStart() ? encounter.getPeriod().getStart().toInstant() : null;
                if (start != null && (f.lastVisit == null || start.isAfter(f.lastVisit))) {
                    f.lastVisit = start;
                }
            });
        }
        for (Resource r : search("Appointment", Map.of("practitioner", List.of(me), "date", List.of("ge" + now),
                "_sort", List.of("date")))) {
            Appointment appointment = (Appointment) r;
            if (appointment.getStatus() == Appointment.AppointmentStatus.CANCELLED || !appointment.hasStart()) {
                continue;
            }
            appointment.getParticipant().stream().map(p -> patientOf(p.getActor())).flatMap(Optional::stream)
                    .findFirst().ifPresent(id -> {
                        Found f = found.computeIfAbsent(id, k -> new Found());
                        Instant start = appointment.getStart().toInstant();
                        if (f.nextVisit == null || start.isBefore(f.nextVisit)) {
                            f.nextVisit = start;
                        }
                    });
        }
        List<Row> rows = new ArrayList<>();
        found.entrySet().stream().limit(MAX_PATIENTS).forEach(entry -> people.patient(entry.getKey()).ifPresent(
                patient -> rows.add(row(patient, entry.getValue(), zone, locale))));
        rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    private Row row(Patient patient, Found found, ZoneId zone, Locale locale) {
        Function<Instant, String> when = instant -> instant == null ? "" : DisplayText.dateTime(instant, zone, locale);
        return new Row(ClinicalText.id(patient), DisplayText.name(patient.getNameFirstRep()),
                patient.hasBirthDate() ? ClinicalText.date(ClinicalText.localDate(patient.getBirthDateElement()), locale)
                        : "",
                Banner.mrn(patient).orElse(""), when.apply(found.lastVisit), when.apply(found.nextVisit),
                found.careTeam);
    }

    private List<Resource> search(String type, Map<String, List<String>> parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>(parameters);
        query.put("_count", List.of(String.valueOf(FETCH)));
        return store.search(new SearchRequest(type, query)).matches();
    }

    private static Optional<String> patientOf(Reference reference) {
        return ClinicalText.idOf(reference, "Patient");
    }
}
