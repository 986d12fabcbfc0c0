package health.salus.patients.mpi.index;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.patients.mpi.matching.Names;
import health.salus.patients.mpi.matching.PatientRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Patient search for the front desk and clinicians: by name (prefix, phonetic, and fuzzy — the phonetic
 * candidates re-ranked by Jaro-Winkler), birth date, phone and MRN, all through the store's keyed-hash
 * search indexes as the calling subject, so results are what the caller may see and each search is audited.
 * Other modules' patient-search screens (the clinician's) use it as their named interface.
 */
@Component
@org.springframework.modulith.NamedInterface("patient-finder")
public class PatientFinder {

    /** A phonetic candidate whose name is less alike than this is a different name that sounds close. */
    static final double FUZZY_FLOOR = 0.75;
    private static final int FETCH = 100;

    public record Criteria(Optional<String> name, Optional<String> birthDate, Optional<String> phone,
            Optional<String> mrn) {
    }

    /** One found patient, with only what tells people apart at a desk; {@code matchedBy}: exact, prefix, fuzzy or other. */
    public record Hit(String id, String name, Optional<String> birthDate, Optional<String> mrn, double score,
            String matchedBy) {
    }

    private final ResourceStore store;
    private final JaroWinklerSimilarity similarity = new JaroWinklerSimilarity();

    PatientFinder(ResourceStore store) {
        this.store = store;
    }

    public List<Hit> find(Criteria criteria, int limit) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        criteria.birthDate().ifPresent(d -> filters.put("birthdate", List.of(d)));
        criteria.phone().ifPresent(p -> filters.put("phone", List.of(p)));
        criteria.mrn().ifPresent(m -> filters.put("identifier", List.of(m)));
        List<String> words = criteria.name().map(PatientFinder::searchWords).orElse(List.of());
        Map<String, Patient> found = new LinkedHashMap<>();
        if (words.isEmpty()) {
            search(filters, found);
        } else {
            search(with(filters, "name", words), found);
            search(with(filters, "phonetic", words), found);
        }
        List<Hit> hits = new ArrayList<>();
        for (Patient patient : found.values()) {
            double score = words.isEmpty() ? 1.0 : score(words, patient);
            if (score >= FUZZY_FLOOR) {
                hits.add(hit(patient, score, words.isEmpty() ? "other" : kind(score)));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::name));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /** Name words as FHIR search values: letters, apostrophes and hyphens only (no OR commas, no escapes). */
    public static List<String> searchWords(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.split("[\\s,]+")) {
            String clean = word.replaceAll("[^\\p{L}'\\-]", "");
            if (!clean.isEmpty()) {
                words.add(clean);
            }
        }
        return words.size() > 4 ? words.subList(0, 4) : words;
    }

    private static Map<String, List<String>> with(Map<String, List<String>> filters, String parameter,
            List<String> words) {
        Map<String, List<String>> query = new LinkedHashMap<>(filters);
        query.put(parameter, words);
        return query;
    }

    private void search(Map<String, List<String>> query, Map<String, Patient> found) {
        Map<String, List<String>> paged = new LinkedHashMap<>(query);
        paged.put("_count", List.of(String.valueOf(FETCH)));
        for (Resource resource : store.search(new SearchRequest("Patient", paged)).matches()) {
            if (resource instanceof Patient patient) {
                found.putIfAbsent(patient.getIdElement().getIdPart(), patient);
            }
        }
    }

    /** The mean over the words searched of the best likeness to a word of the name; a prefix counts fully. */
    private double score(List<String> words, Patient patient) {
        List<String> nameWords = patient.getName().stream()
                .flatMap(n -> Names.words(n.getNameAsSingleString()).stream()).distinct().toList();
        if (nameWords.isEmpty()) {
            return 0;
        }
        double total = 0;
        for (String word : words) {
            String folded = Names.fold(word).replace(" ", "");
            double best = 0;
            for (String nameWord : nameWords) {
                best = Math.max(best, nameWord.equals(folded) ? 1.0
                        : nameWord.startsWith(folded) ? 0.99 : similarity.apply(folded, nameWord));
            }
            total += best;
        }
        return Math.round(total / words.size() * 1000) / 1000.0;
    }

    private static String kind(double score) {
        return score >= 1.0 ? "exact" : score >= 0.99 ? "prefix" : "fuzzy";
    }

    private static Hit hit(Patient patient, double score, String matchedBy) {
        HumanName name = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(patient.getNameFirstRep());
        String display = name.getGiven().stream().map(g -> g.getValue()).collect(Collectors.joining(" "))
                + (name.hasFamily() ? " " + name.getFamily() : "");
        Optional<String> mrn = patient.getIdentifier().stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> PatientRecords.MRN_TYPE.equals(c.getCode())))
                .map(i -> i.getValue()).findFirst();
        return new Hit(patient.getIdElement().getIdPart(), display.strip(),
                patient.hasBirthDate() ? Optional.of(patient.getBirthDateElement().getValueAsString()) : Optional.empty(),
                mrn, score, matchedBy);
    }
}
