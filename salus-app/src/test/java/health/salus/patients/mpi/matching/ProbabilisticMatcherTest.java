package health.salus.patients.mpi.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparators' levels on the slips people make, and the household rule that keeps twins apart. */
class ProbabilisticMatcherTest {

    private final ProbabilisticMatcher matcher = new ProbabilisticMatcher(DefaultMatchModel.create(),
            Nicknames.bundled());

    private static PersonRecord person(String given, String family, String birthDate, String sex, String phone) {
        return new PersonRecord(Names.words(given), Names.words(family), Optional.of(LocalDate.parse(birthDate)),
                Optional.ofNullable(sex), phone == null ? Set.of() : Set.of(phone), Set.of(), Set.of("85701"),
                Set.of("12 saguaro way"), Map.of());
    }

    @Test
    void nicknamesOfEnglishAndSpanishNamesAreKnownBothWays() {
        Nicknames nicknames = Nicknames.bundled();

        assertThat(nicknames.size()).isGreaterThan(200);
        assertThat(nicknames.equivalent("bob", "robert")).isTrue();
        assertThat(nicknames.equivalent("robert", "bob")).isTrue();
        assertThat(nicknames.equivalent("bob", "rob")).as("through Robert").isTrue();
        assertThat(nicknames.equivalent("pepe", "jose")).isTrue();
        assertThat(nicknames.equivalent("paco", "francisco")).isTrue();
        assertThat(nicknames.equivalent("liz", "elizabeth")).isTrue();
        assertThat(nicknames.equivalent("bob", "william")).isFalse();
    }

    @Test
    void accentsCaseAndNicknamesDoNotStopAMatch() {
        Comparison comparison = matcher.compare(person("José", "García", "1980-03-04", "male", "5551234567"),
                person("PEPE", "garcia", "1980-03-04", "male", "5551234567"));

        assertThat(comparison.levels()).containsEntry(MatchField.GIVEN, Level.NICKNAME)
                .containsEntry(MatchField.FAMILY, Level.AGREE);
        assertThat(comparison.score()).isGreaterThanOrEqualTo(DefaultMatchModel.CERTAIN_THRESHOLD);
        assertThat(comparison.agreements()).containsExactly("given", "family", "birthDate", "sex", "phone",
                "postalCode", "street");
    }

    @Test
    void birthDateSlipsHaveTheirOwnLevels() {
        PersonRecord original = person("Ann", "Lee", "1980-03-04", "female", null);

        assertThat(matcher.compare(original, person("Ann", "Lee", "1980-04-03", "female", null)).levels())
                .containsEntry(MatchField.BIRTH_DATE, Level.TRANSPOSED);
        assertThat(matcher.compare(original, person("Ann", "Lee", "1980-03-07", "female", null)).levels())
                .containsEntry(MatchField.BIRTH_DATE, Level.ONE_DIGIT);
        assertThat(matcher.compare(original, person("Ann", "Lee", "1981-03-04", "female", null)).levels())
                .containsEntry(MatchField.BIRTH_DATE, Level.YEAR_OFF);
        assertThat(matcher.compare(original, person("Ann", "Lee", "1975-11-22", "female", null)).levels())
                .containsEntry(MatchField.BIRTH_DATE, Level.DISAGREE);
    }

    @Test
    void swappedNamesAndTyposStillMatch() {
        PersonRecord original = person("Margaret", "Thompson", "1950-06-15", "female", "5559876543");

        assertThat(matcher.compare(original, person("Thompson", "Margaret", "1950-06-15", "female", "5559876543"))
                .score()).isGreaterThanOrEqualTo(DefaultMatchModel.PROBABLE_THRESHOLD);
        Comparison typo = matcher.compare(original, person("Margaret", "Thomspon", "1950-06-15", "female", null));
        assertThat(typo.levels()).containsEntry(MatchField.FAMILY, Level.TYPO);
        assertThat(typo.score()).isGreaterThanOrEqualTo(DefaultMatchModel.PROBABLE_THRESHOLD);
    }

    @Test
    void twinsSharingEverythingButTheFirstNameAreDifferentPeople() {
        Comparison twins = matcher.compare(person("Mario", "Ruiz", "2001-09-09", "male", "5550001111"),
                person("Maria", "Ruiz", "2001-09-09", "female", "5550001111"));
        Comparison brothers = matcher.compare(person("Carlos", "Ruiz", "2001-09-09", "male", "5550001111"),
                person("Miguel", "Ruiz", "2001-09-09", "male", "5550001111"));

        assertThat(twins.possibleTwin()).isTrue();
        assertThat(brothers.possibleTwin()).isTrue();
        assertThat(twins.score()).isLessThan(DefaultMatchModel.PROBABLE_THRESHOLD);
        assertThat(brothers.score()).isLessThan(DefaultMatchModel.PROBABLE_THRESHOLD);
    }

    @Test
    void aDifferentIdentifierInTheSameSystemWeighsStronglyAgainst() {
        PersonRecord a = new PersonRecord(List.of("ann"), List.of("lee"), Optional.empty(), Optional.empty(),
                Set.of(), Set.of(), Set.of(), Set.of(), Map.of("ssn", Set.of("123-45-6789")));
        PersonRecord b = new PersonRecord(List.of("ann"), List.of("lee"), Optional.empty(), Optional.empty(),
                Set.of(), Set.of(), Set.of(), Set.of(), Map.of("ssn", Set.of("987-65-4321")));

        assertThat(matcher.compare(a, b).weights().get(MatchField.IDENTIFIER)).isLessThan(-9);
        assertThat(matcher.compare(a, a).weights().get(MatchField.IDENTIFIER)).isGreaterThan(16);
    }
}
