package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code _count} and {@code _offset} paging through next links, {@code _sort}, and {@code _total}. */
class SearchPagingSortTotalTest extends FhirApiTest {

    private static final int PATIENTS = 7;

    private String family;
    private final List<Patient> patients = new ArrayList<>();

    /** Seven patients of one family with distinct given names and birth dates in scrambled order. */
    @BeforeEach
    void family() throws InterruptedException {
        family = unique();
        String[] given = {"Delta", "Alpha", "Golf", "Charlie", "Echo", "Bravo", "Foxtrot"};
        String[] born = {"1971-04-04", "1990-01-01", "1965-07-07", "1983-03-03", "1977-05-05", "1959-02-02",
            "2004-06-06"};
        for (int i = 0; i < PATIENTS; i++) {
            Patient patient = new Patient();
            patient.addName().setFamily(family).addGiven(given[i]);
            patient.setBirthDateElement(new DateType(born[i]));
            patients.add(create(patient));
            Thread.sleep(3); // distinct lastUpdated values
        }
    }

    /** Follows next links from the first page, returning every page. */
    private List<Bundle> allPages(String query) {
        List<Bundle> pages = new ArrayList<>();
        Bundle page = search(query);
        pages.add(page);
        while (page.getLink("next") != null) {
            assertThat(pages).as("paging must end").hasSizeLessThan(20);
            page = parse(expect(http.get(page.getLink("next").getUrl()), 200).body(), Bundle.class);
            pages.add(page);
        }
        return pages;
    }

    private static List<String> idsOf(List<Bundle> pages) {
        return pages.stream().flatMap(page -> matchIds(page).stream()).toList();
    }

    private List<String> idsSortedBy(Comparator<Patient> order) {
        return ids(patients.stream().sorted(order).toList());
    }

    private static String given(Patient patient) {
        return patient.getNameFirstRep().getGivenAsSingleString();
    }

    @Test
    void nextLinksVisitEveryMatchExactlyOnceInAStableOrder() {
        List<Bundle> pages = allPages("Patient?family=" + family + "&_count=3");

        assertThat(pages).hasSize(3);
        assertThat(pages).allMatch(page -> page.getTotal() == PATIENTS);
        assertThat(pages.stream().map(page -> page.getEntry().size())).containsExactly(3, 3, 1);
        List<String> visited = idsOf(pages);
        assertThat(visited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(patients));
        assertThat(idsOf(allPages("Patient?family=" + family + "&_count=3"))).as("same order again")
                .containsExactlyElementsOf(visited);
        assertThat(idsOf(allPages("Patient?family=" + family + "&_count=" + PATIENTS)))
                .containsExactlyElementsOf(visited);
        assertThat(pages.get(0).getLink("previous")).isNull();
        assertThat(pages.get(2).getLink("previous")).isNotNull();
    }

    @Test
    void offsetSkipsThatManyMatches() {
        List<String> all = matchIds(search("Patient?family=" + family + "&_count=50"));

        Bundle page = search("Patient?family=" + family + "&_count=2&_offset=3");

        assertThat(matchIds(page)).containsExactlyElementsOf(all.subList(3, 5));
        assertThat(page.getTotal()).isEqualTo(PATIENTS);
        assertThat(search("Patient?family=" + family + "&_offset=" + PATIENTS).getEntry()).isEmpty();
    }

    @Test
    void countZeroReturnsOnlyTheTotal() {
        Bundle bundle = search("Patient?family=" + family + "&_count=0");

        assertThat(bundle.getEntry()).isEmpty();
        assertThat(bundle.getTotal()).isEqualTo(PATIENTS);
    }

    @Test
    void sortByStringAscendingAndDescending() {
        Comparator<Patient> byGiven = Comparator.comparing(SearchPagingSortTotalTest::given);

        assertThat(idsOf(allPages("Patient?family=" + family + "&_sort=given&_count=3")))
                .containsExactlyElementsOf(idsSortedBy(byGiven));
        assertThat(idsOf(allPages("Patient?family=" + family + "&_sort=-given&_count=3")))
                .containsExactlyElementsOf(idsSortedBy(byGiven.reversed()));
    }

    @Test
    void sortByDateAscendingAndDescending() {
        Comparator<Patient> byBirth = Comparator.comparing(Patient::getBirthDate);

        assertThat(idsOf(allPages("Patient?family=" + family + "&_sort=birthdate&_count=2")))
                .containsExactlyElementsOf(idsSortedBy(byBirth));
        assertThat(idsOf(allPages("Patient?family=" + family + "&_sort=-birthdate&_count=2")))
                .containsExactlyElementsOf(idsSortedBy(byBirth.reversed()));
    }

    @Test
    void sortByLastUpdated() {
        Patient touched = patients.get(2);
        touched.setActive(true);
        expect(http.put("/Patient/" + touched.getIdElement().getIdPart(), json(touched), Map.of()), 200);
        List<String> oldestFirst = new ArrayList<>(ids(patients));
        oldestFirst.remove(touched.getIdElement().getIdPart());
        oldestFirst.add(touched.getIdElement().getIdPart());

        assertThat(matchIds(search("Patient?family=" + family + "&_sort=_lastUpdated")))
                .containsExactlyElementsOf(oldestFirst);
        List<String> newestFirst = new ArrayList<>(oldestFirst);
        Collections.reverse(newestFirst);
        assertThat(matchIds(search("Patient?family=" + family + "&_sort=-_lastUpdated")))
                .containsExactlyElementsOf(newestFirst);
    }

    @Test
    void sortByTwoKeys() {
        Patient twin = new Patient();
        twin.addName().setFamily(family).addGiven("Alpha");
        twin.setBirthDateElement(new DateType("1950-01-01"));
        String twinId = create(twin).getIdElement().getIdPart();

        List<String> sorted = matchIds(search("Patient?family=" + family + "&_sort=given,birthdate&_count=3"));

        String alpha = patients.get(1).getIdElement().getIdPart();
        assertThat(sorted).containsExactly(twinId, alpha, patients.get(5).getIdElement().getIdPart());
    }

    @Test
    void totalIsAccurateByDefaultAndLeftOutWithTotalNone() {
        assertThat(search("Patient?family=" + family + "&_count=2").getTotal()).isEqualTo(PATIENTS);
        assertThat(search("Patient?family=" + family + "&_count=2&_offset=6").getTotal()).isEqualTo(PATIENTS);
        assertThat(search("Patient?family=" + family + "&_total=accurate&_count=2").getTotal()).isEqualTo(PATIENTS);

        Bundle none = search("Patient?family=" + family + "&_count=2&_total=none");
        assertThat(none.hasTotal()).isFalse();
        assertThat(none.getEntry()).hasSize(2);
        assertThat(none.getLink("next")).isNotNull();
    }

    @Test
    void pagesWithIncludesButWithoutTotalStillReachEveryMatch() {
        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily(unique());
        String practitionerId = create(practitioner).getIdElement().getIdPart();
        String otherFamily = unique();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Patient patient = new Patient();
            patient.addName().setFamily(otherFamily);
            patient.addGeneralPractitioner().setReference("Practitioner/" + practitionerId);
            expected.add(create(patient).getIdElement().getIdPart());
        }

        List<Bundle> pages = allPages("Patient?family=" + otherFamily
                + "&_count=2&_total=none&_include=Patient:general-practitioner");

        assertThat(idsOf(pages)).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(pages.get(0).getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                .hasSize(1);
        assertThat(pages.get(pages.size() - 1).getLink("next")).isNull();
    }

    @Test
    void pagesWithoutTotalStillReachEveryMatch() {
        List<Bundle> pages = allPages("Patient?family=" + family + "&_count=3&_total=none");

        assertThat(pages).noneMatch(Bundle::hasTotal);
        assertThat(idsOf(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(patients));
    }
}
