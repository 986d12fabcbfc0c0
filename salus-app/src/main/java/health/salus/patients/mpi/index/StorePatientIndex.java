package health.salus.patients.mpi.index;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.patients.mpi.MatchAssessment;
import health.salus.patients.mpi.PatientIndex;
import health.salus.patients.mpi.matching.Comparison;
import health.salus.patients.mpi.review.DuplicateReviews;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The master patient index on the FHIR store: candidates come from several blocking searches through
 * {@link ResourceStore} as the calling subject (so they are permitted and audited like any search, and
 * use the keyed-hash indexes), then each is scored in full by the {@link PatientMatcher}.
 */
@Component
class StorePatientIndex implements PatientIndex {

    /** Candidates shown with an assessment: the best few are enough for a person to decide. */
    private static final int SHOWN_CANDIDATES = 10;

    private final ResourceStore store;
    private final DuplicateReviews reviews;
    private final PatientMatcher matcher;
    private final BlockingQueries blocking;

    StorePatientIndex(ResourceStore store, DuplicateReviews reviews, PatientMatcher matcher) {
        this.store = store;
        this.reviews = reviews;
        this.matcher = matcher;
        this.blocking = new BlockingQueries(matcher.candidateLimit(), matcher.nicknames());
    }

    @Override
    public MatchAssessment assess(Patient patient) {
        Optional<String> ownId = Optional.ofNullable(patient.getIdElement().getIdPart());
        List<MatchAssessment.Candidate> candidates = new ArrayList<>();
        for (Patient candidate : candidates(patient, ownId)) {
            Comparison comparison = matcher.compare(patient, candidate);
            if (comparison.score() >= matcher.model().probableThreshold()) {
                candidates.add(new MatchAssessment.Candidate(candidate.getIdElement().getIdPart(),
                        Math.round(comparison.score() * 100) / 100.0, comparison.agreements()));
            }
        }
        candidates.sort(Comparator.comparingDouble(MatchAssessment.Candidate::score).reversed());
        List<MatchAssessment.Candidate> shown = candidates.subList(0, Math.min(SHOWN_CANDIDATES, candidates.size()));
        MatchAssessment.Decision decision = shown.isEmpty() ? MatchAssessment.Decision.NONE
                : shown.get(0).score() >= matcher.model().certainThreshold() ? MatchAssessment.Decision.CERTAIN
                : MatchAssessment.Decision.PROBABLE;
        return new MatchAssessment(decision, shown);
    }

    @Override
    public void queueForReview(String patientId, MatchAssessment assessment) {
        for (MatchAssessment.Candidate candidate : assessment.candidates()) {
            if (!candidate.patientId().equals(patientId)) {
                reviews.queue(patientId, candidate.patientId(), candidate.score(), candidate.agreements());
            }
        }
    }

    /** The union of the blocking searches, without the patient itself and records merged into another. */
    private List<Patient> candidates(Patient patient, Optional<String> ownId) {
        Map<String, Patient> found = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, List<String>> query : blocking.queries(patient)) {
            if (found.size() >= blocking.limit()) {
                break;
            }
            for (Resource resource : store.search(new SearchRequest("Patient", query)).matches()) {
                String id = resource.getIdElement().getIdPart();
                if (resource instanceof Patient candidate && seen.add(id) && !ownId.filter(id::equals).isPresent()
                        && !replaced(candidate) && found.size() < blocking.limit()) {
                    found.put(id, candidate);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** A patient merged into another carries a replaced-by link and is no longer a candidate. */
    private static boolean replaced(Patient patient) {
        return patient.getLink().stream()
                .anyMatch(link -> link.getType() == Patient.LinkType.REPLACEDBY)
                || patient.hasActive() && !patient.getActive();
    }
}
