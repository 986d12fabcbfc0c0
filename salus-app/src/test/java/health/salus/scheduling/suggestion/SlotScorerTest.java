package health.salus.scheduling.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.scheduling.availability.FreeSlot;
import health.salus.scheduling.noshow.AppointmentRecord;
import health.salus.scheduling.suggestion.CandidateFacts.HardToRefill;
import health.salus.scheduling.suggestion.Suggestions.Reason;
import health.salus.scheduling.suggestion.Suggestions.ScoredSlot;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scorer alone: each factor moves the ranking the way it should, and the same input ranks the same. */
class SlotScorerTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final LocalDateTime MONDAY_9 = LocalDateTime.of(2026, 12, 14, 9, 0);
    private static final double THRESHOLD = 0.35;

    private final SlotScorer scorer = new SlotScorer(SuggestionProperties.defaults());

    @Test
    void theSameCandidatesInAnyOrderRankTheSame() {
        List<CandidateFacts> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(facts("p" + (i % 3), MONDAY_9.plusHours(i % 4).plusDays(i / 4), 0.1 * (i % 5),
                    1 - i / 20.0, Optional.of(0.05 * (i % 7)), i % 4 == 3 ? Optional.of(HardToRefill.LAST_OF_DAY)
                            : Optional.empty()));
        }
        SlotScorer.Context context = context(new Preferences(Set.of(DayOfWeek.TUESDAY), List.of()), Urgency.SOON,
                Optional.of("p1"));
        List<ScoredSlot> first = scorer.rank(candidates, context);

        for (long seed = 1; seed <= 5; seed++) {
            List<CandidateFacts> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(scorer.rank(shuffled, context)).isEqualTo(first);
        }
    }

    @Test
    void equalScoresGoToTheEarlierStartThenTheLowerPractitionerId() {
        CandidateFacts laterA = facts("a", MONDAY_9.plusHours(1), 0, 0.5, Optional.empty(), Optional.empty());
        CandidateFacts earlierB = facts("b", MONDAY_9, 0, 0.5, Optional.empty(), Optional.empty());
        CandidateFacts earlierA = facts("a", MONDAY_9, 0, 0.5, Optional.empty(), Optional.empty());

        List<ScoredSlot> ranked = scorer.rank(List.of(laterA, earlierB, earlierA), context(Preferences.NONE,
                Urgency.ROUTINE, Optional.empty()));

        assertThat(ranked).extracting(s -> s.slot()).containsExactly(earlierA.slot(), earlierB.slot(), laterA.slot());
    }

    @Test
    void aPreferredDayAndTimeOutranksAnEarlierSlotForARoutineVisit() {
        CandidateFacts mondayMorning = facts("p", MONDAY_9, 0.2, 1.0, Optional.empty(), Optional.empty());
        CandidateFacts tuesdayAfternoon = facts("p", MONDAY_9.plusDays(1).withHour(14), 0.2, 0.9, Optional.empty(),
                Optional.empty());
        Preferences tuesdayAfternoons = new Preferences(Set.of(DayOfWeek.TUESDAY),
                List.of(new Preferences.TimeOfDay(LocalTime.of(13, 0), LocalTime.of(17, 0))));

        Suggestions withPreference = scorer.suggest(List.of(mondayMorning, tuesdayAfternoon),
                context(tuesdayAfternoons, Urgency.ROUTINE, Optional.empty()));
        Suggestions without = scorer.suggest(List.of(mondayMorning, tuesdayAfternoon),
                context(Preferences.NONE, Urgency.ROUTINE, Optional.empty()));

        assertThat(withPreference.best().orElseThrow().slot()).isEqualTo(tuesdayAfternoon.slot());
        assertThat(codes(withPreference.best().orElseThrow())).contains("PREFERRED_TIME");
        assertThat(codes(withPreference.alternatives().get(0))).contains("OUTSIDE_PREFERENCE");
        assertThat(without.best().orElseThrow().slot()).isEqualTo(mondayMorning.slot());
    }

    @Test
    void aSlotMatchingOnlyThePreferredDayScoresBetweenAFullMatchAndNone() {
        Preferences mondayMornings = new Preferences(Set.of(DayOfWeek.MONDAY),
                List.of(new Preferences.TimeOfDay(LocalTime.of(8, 0), LocalTime.of(12, 0))));
        CandidateFacts full = facts("p", MONDAY_9, 0, 0, Optional.empty(), Optional.empty());
        CandidateFacts dayOnly = facts("p", MONDAY_9.withHour(15), 0, 0, Optional.empty(), Optional.empty());
        CandidateFacts none = facts("p", MONDAY_9.plusDays(1).withHour(15), 0, 0, Optional.empty(), Optional.empty());

        List<ScoredSlot> ranked = scorer.rank(List.of(none, dayOnly, full), context(mondayMornings, Urgency.ROUTINE,
                Optional.empty()));

        assertThat(ranked).extracting(ScoredSlot::slot).containsExactly(full.slot(), dayOnly.slot(), none.slot());
        assertThat(codes(ranked.get(1))).contains("PREFERRED_TIME_PARTLY");
    }

    @Test
    void theUsualPractitionerWinsOverAnotherAtTheSameTime() {
        CandidateFacts other = facts("a-other", MONDAY_9, 0.3, 0.8, Optional.empty(), Optional.empty());
        CandidateFacts usual = facts("b-usual", MONDAY_9, 0.3, 0.8, Optional.empty(), Optional.empty());

        Suggestions continuity = scorer.suggest(List.of(other, usual), context(Preferences.NONE, Urgency.ROUTINE,
                Optional.of("b-usual")));
        Suggestions noHistory = scorer.suggest(List.of(other, usual), context(Preferences.NONE, Urgency.ROUTINE,
                Optional.empty()));

        assertThat(continuity.best().orElseThrow().slot().practitionerId()).isEqualTo("b-usual");
        assertThat(codes(continuity.best().orElseThrow())).contains("USUAL_PROVIDER");
        assertThat(noHistory.best().orElseThrow().slot().practitionerId()).as("tie: lower id").isEqualTo("a-other");
        assertThat(noHistory.confidence()).as("a tie is no confident choice").isZero();
        assertThat(noHistory.confidenceLevel()).isEqualTo("low");
    }

    @Test
    void aLighterDayForItsPractitionerWinsOverABusyOne() {
        CandidateFacts busy = facts("a", MONDAY_9, 0.9, 0.8, Optional.empty(), Optional.empty());
        CandidateFacts light = facts("b", MONDAY_9, 0.1, 0.8, Optional.empty(), Optional.empty());

        Suggestions suggestions = scorer.suggest(List.of(busy, light), context(Preferences.NONE, Urgency.ROUTINE,
                Optional.empty()));

        assertThat(suggestions.best().orElseThrow().slot().practitionerId()).isEqualTo("b");
        assertThat(reason(suggestions.best().orElseThrow(), "LIGHT_DAY").text()).contains("10% booked");
        assertThat(codes(suggestions.alternatives().get(0))).contains("BUSY_DAY");
    }

    @Test
    void urgencyMovesTheChoiceToTheEarliestSlot() {
        CandidateFacts earliest = facts("p", MONDAY_9, 0.2, 1.0, Optional.empty(), Optional.empty());
        CandidateFacts preferredLater = facts("p", MONDAY_9.plusDays(8).withHour(14), 0.2, 0.5, Optional.empty(),
                Optional.empty());
        Preferences afternoons = new Preferences(Set.of(),
                List.of(new Preferences.TimeOfDay(LocalTime.of(13, 0), LocalTime.of(17, 0))));

        ScoredSlot routine = scorer.suggest(List.of(earliest, preferredLater), context(afternoons, Urgency.ROUTINE,
                Optional.empty())).best().orElseThrow();
        ScoredSlot urgent = scorer.suggest(List.of(earliest, preferredLater), context(afternoons, Urgency.URGENT,
                Optional.empty())).best().orElseThrow();

        assertThat(routine.slot()).isEqualTo(preferredLater.slot());
        assertThat(urgent.slot()).isEqualTo(earliest.slot());
        assertThat(reason(urgent, "EARLY").text()).startsWith("Urgent");
    }

    @Test
    void aHighRiskPatientIsKeptOffHardToRefillSlotsAndALowRiskPatientTakesThem() {
        CandidateFacts lastOfDay = facts("p", MONDAY_9.withHour(16), 0.2, 1.0, Optional.empty(), Optional.of(
                HardToRefill.LAST_OF_DAY));
        CandidateFacts ordinary = facts("p", MONDAY_9.plusDays(1).withHour(10), 0.2, 0.9, Optional.empty(), Optional.empty());

        ScoredSlot highRisk = scorer.suggest(List.of(withRisk(lastOfDay, 0.5), withRisk(ordinary, 0.5)),
                context(Preferences.NONE, Urgency.ROUTINE, Optional.empty())).best().orElseThrow();
        ScoredSlot lowRisk = scorer.suggest(List.of(withRisk(lastOfDay, 0.05), withRisk(ordinary, 0.05)),
                context(Preferences.NONE, Urgency.ROUTINE, Optional.empty())).best().orElseThrow();

        assertThat(highRisk.slot()).isEqualTo(ordinary.slot());
        assertThat(lowRisk.slot()).isEqualTo(lastOfDay.slot());
        assertThat(codes(lowRisk)).contains("LOW_RISK_FIT", "NO_SHOW_RISK");
        ScoredSlot penalised = scorer.score(withRisk(lastOfDay, 0.5), context(Preferences.NONE, Urgency.ROUTINE,
                Optional.empty()));
        assertThat(reason(penalised, "HIGH_RISK_HARD_TO_REFILL").points()).isNegative();
        assertThat(reason(penalised, "HIGH_RISK_HARD_TO_REFILL").text()).contains("last slot of the day");
    }

    @Test
    void aLowerPredictedRiskInOneSlotRanksItHigher() {
        CandidateFacts riskier = facts("p", MONDAY_9, 0.2, 0.8, Optional.of(0.30), Optional.empty());
        CandidateFacts safer = facts("p", MONDAY_9.plusHours(2), 0.2, 0.8, Optional.of(0.10), Optional.empty());

        ScoredSlot best = scorer.suggest(List.of(riskier, safer), context(Preferences.NONE, Urgency.ROUTINE,
                Optional.empty())).best().orElseThrow();

        assertThat(best.slot()).isEqualTo(safer.slot());
        assertThat(reason(best, "NO_SHOW_RISK").text()).contains("10%");
    }

    @Test
    void theScoreIsTheSumOfItsReasonsAndEveryBestHasReasons() {
        CandidateFacts slot = facts("p", MONDAY_9, 0.4, 0.7, Optional.of(0.2), Optional.empty());

        ScoredSlot scored = scorer.score(slot, context(new Preferences(Set.of(DayOfWeek.MONDAY), List.of()),
                Urgency.SOON, Optional.of("p")));

        assertThat(codes(scored)).containsExactly("PREFERRED_TIME", "EARLY", "USUAL_PROVIDER", "LIGHT_DAY",
                "NO_SHOW_RISK");
        assertThat(scored.reasons()).allSatisfy(r -> assertThat(r.text()).isNotBlank());
        // 3 (day) + 3 × 0.7 (soon) + 2.5 (usual) + 1.5 × 0.6 (load) − 2 × 0.2 (risk)
        assertThat(scored.score()).isEqualTo(3 + 2.1 + 2.5 + 0.9 - 0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void threeOrMoreCandidatesGiveABestAndTwoAlternativesFewerGiveFewer() {
        List<CandidateFacts> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(facts("p", MONDAY_9.plusHours(i), 0.2, 1 - i / 10.0, Optional.empty(), Optional.empty()));
        }
        SlotScorer.Context context = context(Preferences.NONE, Urgency.SOON, Optional.empty());

        Suggestions many = scorer.suggest(five, context);
        Suggestions two = scorer.suggest(five.subList(0, 2), context);
        Suggestions one = scorer.suggest(five.subList(0, 1), context);
        Suggestions none = scorer.suggest(List.of(), context);

        assertThat(many.best()).map(ScoredSlot::slot).contains(five.get(0).slot());
        assertThat(many.alternatives()).extracting(ScoredSlot::slot).containsExactly(five.get(1).slot(),
                five.get(2).slot());
        assertThat(many.considered()).isEqualTo(5);
        assertThat(two.alternatives()).hasSize(1);
        assertThat(one.alternatives()).isEmpty();
        assertThat(one.confidence()).as("the only slot").isEqualTo(1.0);
        assertThat(none.best()).isEmpty();
        assertThat(none.alternatives()).isEmpty();
    }

    @Test
    void confidenceGrowsWithTheLeadOfTheBestSlot() {
        CandidateFacts best = facts("p", MONDAY_9, 0, 1.0, Optional.empty(), Optional.empty());
        CandidateFacts close = facts("p", MONDAY_9.plusHours(1), 0, 0.9, Optional.empty(), Optional.empty());
        CandidateFacts far = facts("p", MONDAY_9.plusDays(10), 1.0, 0.1, Optional.empty(), Optional.empty());
        SlotScorer.Context context = context(Preferences.NONE, Urgency.URGENT, Optional.empty());

        Suggestions narrow = scorer.suggest(List.of(best, close), context);
        Suggestions clear = scorer.suggest(List.of(best, far), context);

        assertThat(narrow.confidence()).isLessThan(clear.confidence());
        assertThat(narrow.confidence()).isEqualTo(0.55);   // a lead of 0.8 points: 1 − e^−0.8
        assertThat(narrow.confidenceLevel()).isEqualTo("medium");
        assertThat(clear.confidenceLevel()).isEqualTo("high");
    }

    @Test
    void theUsualPractitionerIsTheOneAttendedMostThenTheOneSeenLast() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<AppointmentRecord> history = List.of(
                visit("v1", "dr-a", now.minus(Duration.ofDays(90)), AppointmentRecord.Outcome.ATTENDED),
                visit("v2", "dr-b", now.minus(Duration.ofDays(60)), AppointmentRecord.Outcome.ATTENDED),
                visit("v3", "dr-b", now.minus(Duration.ofDays(30)), AppointmentRecord.Outcome.NO_SHOW),
                visit("v4", "dr-a", now.minus(Duration.ofDays(20)), AppointmentRecord.Outcome.ATTENDED),
                visit("v5", "dr-c", now.plus(Duration.ofDays(5)), AppointmentRecord.Outcome.OPEN));

        assertThat(SlotSuggestions.usualProvider(history, now)).contains("dr-a");
        assertThat(SlotSuggestions.usualProvider(history.subList(0, 3), now)).as("one each: seen last")
                .contains("dr-b");
        assertThat(SlotSuggestions.usualProvider(history.subList(4, 5), now)).isEmpty();
    }

    @Test
    void earlinessRunsFromOneAtTheWindowStartToZeroAtItsEnd() {
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        Instant end = start.plus(Duration.ofDays(10));

        assertThat(SlotSuggestions.earliness(start, start, end)).isEqualTo(1.0);
        assertThat(SlotSuggestions.earliness(start.plus(Duration.ofDays(5)), start, end)).isEqualTo(0.5);
        assertThat(SlotSuggestions.earliness(end, start, end)).isZero();
    }

    private static AppointmentRecord visit(String id, String practitioner, Instant start,
            AppointmentRecord.Outcome outcome) {
        return new AppointmentRecord(id, "patient", practitioner, start, ZONE, start.minus(Duration.ofDays(7)),
                Duration.ofMinutes(30), "ROUTINE", outcome);
    }

    private static SlotScorer.Context context(Preferences preferences, Urgency urgency, Optional<String> usual) {
        return new SlotScorer.Context(preferences, urgency, usual, THRESHOLD);
    }

    private static CandidateFacts facts(String practitioner, LocalDateTime localStart, double load, double earliness,
            Optional<Double> risk, Optional<HardToRefill> hard) {
        Instant start = localStart.atZone(ZONE).toInstant();
        return new CandidateFacts(new FreeSlot(practitioner, "site", start, start.plus(Duration.ofMinutes(30))),
                localStart.getDayOfWeek(), localStart.toLocalTime(), load, earliness, risk, hard);
    }

    private static CandidateFacts withRisk(CandidateFacts facts, double risk) {
        return new CandidateFacts(facts.slot(), facts.localDay(), facts.localTime(), facts.dayLoad(), facts.earliness(),
                Optional.of(risk), facts.hardToRefill());
    }

    private static List<String> codes(ScoredSlot slot) {
        return slot.reasons().stream().map(Reason::code).toList();
    }

    private static Reason reason(ScoredSlot slot, String code) {
        return slot.reasons().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError("no reason " + code + " in " + slot.reasons()));
    }
}
