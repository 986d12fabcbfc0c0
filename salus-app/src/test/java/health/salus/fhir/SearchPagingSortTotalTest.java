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
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
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

    /**
     * On organisation names: a patient's names are indexed only as keyed hashes, which have no order,
     * and {@code _sort=given} is refused (see {@code IdentifyingSearchTest}).
     */
    @Test
    void sortByStringAscendingAndDescending() {
        String tag = unique();
        String[] names = {"Delta", "Alpha", "Golf", "Charlie", "Echo", "Bravo", "Foxtrot"};
        List<Organization> organizations = new ArrayList<>();
        for (String name : names) {
            organizations.add(create(new Organization().setName(tag + " " + name)));
        }
        List<String> byName = ids(organizations.stream().sorted(Comparator.comparing(Organization::getName)).toList());

        assertThat(idsOf(allPages("Organization?name=" + tag + "&_sort=name&_count=3")))
                .containsExactlyElementsOf(byName);
        List<String> reversed = new ArrayList<>(byName);
        Collections.reverse(reversed);
        assertThat(idsOf(allPages("Organization?name=" + tag + "&_sort=-name&_count=3")))
                .containsExactlyElementsOf(reversed);
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

    /** Two keys, the second breaking ties of the first (gender: names cannot be sorted, they are keyed hashes). */
    @Test
    void sortByTwoKeys() {
        String otherFamily = unique();
        String womanBorn1980 = patient(otherFamily, AdministrativeGender.FEMALE, "1980-01-01");
        String manBorn1950 = patient(otherFamily, AdministrativeGender.MALE, "1950-01-01");
        String womanBorn1960 = patient(otherFamily, AdministrativeGender.FEMALE, "1960-01-01");
        String manBorn1970 = patient(otherFamily, AdministrativeGender.MALE, "1970-01-01");

        assertThat(matchIds(search("Patient?family=" + otherFamily + "&_sort=gender,birthdate&_count=3")))
                .containsExactly(womanBorn1960, womanBorn1980, manBorn1950);
        assertThat(matchIds(search("Patient?family=" + otherFamily + "&_sort=-gender,-birthdate")))
                .containsExactly(manBorn1970, manBorn1950, womanBorn1980, womanBorn1960);
    }

    private String patient(String familyName, AdministrativeGender gender, String birthDate) {
        Patient patient = new Patient();
        patient.addName().setFamily(familyName);
        patient.setGender(gender).setBirthDateElement(new DateType(birthDate));
        return create(patient).getIdElement().getIdPart();
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
