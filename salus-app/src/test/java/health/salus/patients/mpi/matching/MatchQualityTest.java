package health.salus.patients.mpi.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The quality floor of the shipped weights on a fixed-seed labelled set (docs/benchmarks.md, "Master
 * patient index matching quality"): CERTAIN and PROBABLE together find at least 95 % of the true
 * duplicates, and at least 95 % of what they find is a true duplicate. A floor, not a timing.
 */
class MatchQualityTest {

    static final long SEED = 20261202L;
    static final int PEOPLE = 600;

    @Test
    void precisionAndRecallOfProbableOrCertainAreAtLeastNinetyFivePercent() {
        ProbabilisticMatcher matcher = new ProbabilisticMatcher(DefaultMatchModel.create(), Nicknames.bundled());

        MatchQuality quality = MatchQuality.measure(matcher, new LabelledPeople(SEED, PEOPLE));

        System.out.println("MPI matching quality (seed " + SEED + ", " + PEOPLE + " people): " + quality.summary());
        assertThat(quality.truePairs()).as("the set holds duplicates to find").isGreaterThan(250);
        assertThat(quality.precision()).as(quality.summary()).isGreaterThanOrEqualTo(0.95);
        assertThat(quality.recall()).as(quality.summary()).isGreaterThanOrEqualTo(0.95);
    }
}
