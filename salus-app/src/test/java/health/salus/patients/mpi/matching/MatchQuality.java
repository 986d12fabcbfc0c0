package health.salus.patients.mpi.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of the matcher on a labelled set: every later record compared with every
 * registered one (no blocking, so every pair that could be confused is), a pair called a match when it
 * scores at or above the probable threshold (CERTAIN and PROBABLE together).
 */
record MatchQuality(int pairs, int truePairs, int truePositives, int certainTruePositives, int falsePositives,
        int certainFalsePositives,
        Map<String, Integer> missedBy, Map<String, Integer> wronglyMatchedBy) {

    static MatchQuality measure(ProbabilisticMatcher matcher, LabelledPeople set) {
        PatientRecords records = new PatientRecords(Set.of());
        List<PersonRecord> registered = set.registered().stream().map(l -> records.from(l.patient())).toList();
        int pairs = 0;
        int truePairs = 0;
        int truePositives = 0;
        int certainTruePositives = 0;
        int falsePositives = 0;
        int certainFalsePositives = 0;
        Map<String, Integer> missed = new TreeMap<>();
        Map<String, Integer> wrong = new TreeMap<>();
        for (LabelledPeople.Labelled arrival : set.arrivals()) {
            PersonRecord probe = records.from(arrival.patient());
            for (int i = 0; i < registered.size(); i++) {
                LabelledPeople.Labelled candidate = set.registered().get(i);
                boolean same = candidate.personId() == arrival.personId();
                double score = matcher.compare(probe, registered.get(i)).score();
                boolean called = score >= matcher.model().probableThreshold();
                pairs++;
                if (same) {
                    truePairs++;
                }
                if (same && called) {
                    truePositives++;
                    certainTruePositives += score >= matcher.model().certainThreshold() ? 1 : 0;
                } else if (same) {
                    missed.merge(arrival.variation(), 1, Integer::sum);
                } else if (called) {
                    falsePositives++;
                    wrong.merge(arrival.variation(), 1, Integer::sum);
                    if (score >= matcher.model().certainThreshold()) {
                        certainFalsePositives++;
                    }
                }
            }
        }
        return new MatchQuality(pairs, truePairs, truePositives, certainTruePositives, falsePositives, certainFalsePositives, missed, wrong);
    }

    double precision() {
        return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
        return truePairs == 0 ? 1 : (double) truePositives / truePairs;
    }

    String summary() {
        return String.format("pairs compared %d, true pairs %d, found %d (CERTAIN %d), wrongly matched %d (of them CERTAIN %d); "
                + "precision %.4f, recall %.4f%n  missed by variation: %s%n  wrongly matched by kind of arrival: %s",
                pairs, truePairs, truePositives, certainTruePositives, falsePositives, certainFalsePositives, precision(), recall(), missedBy,
                wronglyMatchedBy);
    }
}
