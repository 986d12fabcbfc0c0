package health.salus.workspace.clinician;

import health.salus.web.DisplayText;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.BreakGlass;
import health.salus.workspace.clinician.ChartSummary.Section;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A patient's chart as the signed-in clinician may see it: the patient read first (outside their care
 * that read is refused, which the page turns into the break-glass dialog), then each section searched
 * through the store as them, so the policy filters, masks and audits every piece.
 */
@Component
class PatientChart {

    static final int FETCH = 200;

    private final ResourceStore store;
    private final ClinicianPages pages;
    private final BreakGlass breakGlass;
    private final Clock clock;

    PatientChart(ResourceStore store, ClinicianPages pages, BreakGlass breakGlass, Clock clock) {
        this.store = store;
        this.pages = pages;
        this.breakGlass = breakGlass;
        this.clock = clock;
    }

    /** The patient; HAPI's {@code ForbiddenOperationException} when outside the user's reach. */
    Patient patient(String patientId) {
        return (Patient) store.read("Patient", patientId);
    }

    Banner banner(Patient patient, List<AllergyIntolerance> allergies, boolean allergiesPermitted, ZoneId zone,
            Locale locale) {
        String id = ClinicalText.id(patient);
        Integer years = null;
        Integer months = null;
        String birthDate = "";
        if (patient.hasBirthDate()) {
            LocalDate born = ClinicalText.localDate(patient.getBirthDateElement());
            Period age = Banner.age(born, LocalDate.now(clock.withZone(zone)));
            if (age.getYears() >= 2) {
                years = age.getYears();
            } else {
                months = (int) age.toTotalMonths();
            }
            birthDate = ClinicalText.date(born, locale);
        }
        List<Banner.Allergen> allergens = allergies.stream().filter(PatientChart::activeAllergy)
                .map(a -> new Banner.Allergen(DisplayText.concept(a.getCode()),
                        a.getCriticality() == AllergyIntolerance.AllergyIntoleranceCriticality.HIGH)).toList();
        // R4 defines no status search parameter for Flag: the active ones are picked here
        List<String> alerts = pages.maySearch("Flag") ? search("Flag", id, Map.of()).stream().map(Flag.class::cast)
                .filter(flag -> flag.getStatus() == Flag.FlagStatus.ACTIVE)
                .map(flag -> DisplayText.concept(flag.getCode())).filter(s -> !s.isEmpty()).toList()
                : List.of();
        return new Banner(id, DisplayText.name(patient.getNameFirstRep()), years, months,
                patient.hasGender() ? patient.getGender().toCode() : "unknown", birthDate,
                Banner.mrn(patient).orElse(""), allergens, allergiesPermitted, alerts,
                breakGlass.activeUntil(id).map(until -> DisplayText.time(until, zone, locale)));
    }

    /** The patient's allergy records, or none when the user's role may not search them. */
    Section<AllergyIntolerance> allergies(String patientId) {
        if (!pages.maySearch("AllergyIntolerance")) {
            return Section.notPermitted();
        }
        return new Section<>(true, search("AllergyIntolerance", patientId, Map.of()).stream()
                .map(AllergyIntolerance.class::cast).toList());
    }

    static boolean activeAllergy(AllergyIntolerance allergy) {
        String status = ClinicalText.code(allergy.getClinicalStatus());
        return status.isEmpty() || "active".equals(status);
    }

    /**
     * The patient's {@code type} resources, newest first when {@code sortByDate}; searched as the
     * signed-in user, so only what the policy lets them see comes back.
     */
    List<Resource> search(String type, String patientId, Map<String, List<String>> filters) {
        Map<String, List<String>> query = new LinkedHashMap<>(filters);
        query.put("patient", List.of("Patient/" + patientId));
        query.putIfAbsent("_count", List.of(String.valueOf(FETCH)));
        return store.search(new SearchRequest(type, query)).matches();
    }

    /** Runs the reads of one chart view so the audit trail takes them in one write (see ResourceStore). */
    <T> T together(java.util.function.Supplier<T> reads) {
        return store.readTogether(reads);
    }

    /** A section of the record, or "not available to you" when the role may not search that type. */
    <R extends Resource, T> Section<T> section(String type, String patientId, Map<String, List<String>> filters,
            Class<R> kind, Function<List<R>, List<T>> view) {
        if (!pages.maySearch(type)) {
            return Section.notPermitted();
        }
        return new Section<>(true, view.apply(search(type, patientId, filters).stream().filter(kind::isInstance)
                .map(kind::cast).toList()));
    }
}
