package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * String, token and uri search with their modifiers, {@code :missing}, {@code _id}, and how
 * comma-separated values (OR) and repeated parameters (AND) combine.
 */
class SearchStringAndTokenTest extends FhirApiTest {

    private String patient(String family, AdministrativeGender gender, String... given) {
        Patient patient = new Patient();
        patient.addName().setFamily(family);
        for (String name : given) {
            patient.getNameFirstRep().addGiven(name);
        }
        if (gender != null) {
            patient.setGender(gender);
        }
        return create(patient).getIdElement().getIdPart();
    }

    private List<String> find(String query) {
        return matchIds(search(query));
    }

    @Test
    void stringSearchMatchesPrefixesIgnoringCaseAndAccents() {
        String family = unique();
        String zoe = patient(family, null, "Zoë");
        String anna = patient(family, null, "Anna");
        String scope = "Patient?family=" + family + "&given=";

        assertThat(find(scope + "zo")).containsExactly(zoe);
        assertThat(find(scope + "ZOE")).containsExactly(zoe);
        assertThat(find(scope + FhirHttp.q("zoë"))).containsExactly(zoe);
        assertThat(find(scope + "ann")).containsExactly(anna);
        assertThat(find(scope + "nna")).isEmpty();
        assertThat(find("Patient?name=" + family.toUpperCase())).containsExactlyInAnyOrder(zoe, anna);
    }

    @Test
    void stringSearchOnAccentedFamilyNames() {
        String suffix = unique();
        String muller = patient("Müller" + suffix, null, "Ida");

        assertThat(find("Patient?family=muller" + suffix)).containsExactly(muller);
        assertThat(find("Patient?family=MUL")).contains(muller);
    }

    @Test
    void exactMatchesTheWholeStringWithCaseAndAccents() {
        String family = unique();
        String zoe = patient(family, null, "Zoë");
        patient(family, null, "Zoëlle");
        String scope = "Patient?family=" + family + "&given:exact=";

        assertThat(find(scope + FhirHttp.q("Zoë"))).containsExactly(zoe);
        assertThat(find(scope + FhirHttp.q("zoë"))).isEmpty();
        assertThat(find(scope + "Zoe")).isEmpty();
        assertThat(find(scope + "Zo")).isEmpty();
    }

    /**
     * {@code :contains} runs on a parameter that does not identify a person: patient names are indexed
     * only as keyed hashes, and {@code :contains} on them is refused (see {@code IdentifyingSearchTest}).
     */
    @Test
    void containsMatchesAnywhereInTheString() {
        String tag = unique();
        String anna = organization("Anna " + tag, tag);
        String johanna = organization("Johanna " + tag, tag);
        String ida = organization("Ida " + tag, tag);

        assertThat(find("Organization?address-city=" + tag + "&name:contains=NN"))
                .containsExactlyInAnyOrder(anna, johanna);
        assertThat(find("Organization?name:contains=" + tag.substring(3, 9)))
                .containsExactlyInAnyOrder(anna, johanna, ida);
    }

    @Test
    void percentAndUnderscoreInAValueAreLiteral() {
        String tag = unique();
        String underscore = organization("Ann_e " + tag, tag);
        organization("Annxe " + tag, tag);
        String percent = organization("Jo%y " + tag, tag);
        organization("Joey " + tag, tag);
        String scope = "Organization?address-city=" + tag;

        assertThat(find(scope + "&name=" + FhirHttp.q("ann_"))).containsExactly(underscore);
        assertThat(find(scope + "&name:contains=" + FhirHttp.q("o%"))).containsExactly(percent);
        String family = unique();
        String patientUnderscore = patient(family, null, "Ann_e");
        patient(family, null, "Annxe");
        assertThat(find("Patient?family=" + family + "&given=" + FhirHttp.q("ann_"))).containsExactly(patientUnderscore);
    }

    private String organization(String name, String city) {
        Organization organization = new Organization().setName(name);
        organization.addAddress().setCity(city);
        return create(organization).getIdElement().getIdPart();
    }

    @Test
    void anUpdatedResourceIsFoundByItsNewValuesOnly() {
        String oldFamily = unique();
        String newFamily = unique();
        Patient patient = new Patient();
        patient.addName().setFamily(oldFamily);
        patient.setActive(false);
        Patient created = create(patient);
        String id = created.getIdElement().getIdPart();

        created.getNameFirstRep().setFamily(newFamily);
        created.setActive(true);
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);

        assertThat(find("Patient?family=" + oldFamily)).isEmpty();
        assertThat(find("Patient?family=" + newFamily)).containsExactly(id);
        assertThat(find("Patient?family=" + newFamily + "&active=true")).containsExactly(id);
        assertThat(find("Patient?family=" + newFamily + "&active=false")).isEmpty();
    }

    @Test
    void commaSeparatedValuesAreAlternativesAndRepeatedParametersMustAllMatch() {
        String family = unique();
        String anna = patient(family, null, "Anna");
        String zoe = patient(family, null, "Zoe");
        String both = patient(family, null, "Anna", "Maria");
        patient(family, null, "Ida");

        assertThat(find("Patient?family=" + family + "&given=anna,zoe")).containsExactlyInAnyOrder(anna, zoe, both);
        assertThat(find("Patient?family=" + family + "&given=anna&given=maria")).containsExactly(both);
        assertThat(find("Patient?family=" + family + "&given=zoe&given=maria")).isEmpty();
    }

    @Test
    void tokenSearchBySystemAndCode() {
        String system = "urn:salus-test:" + unique();
        String other = "urn:salus-test:" + unique();
        String value = unique();
        Patient withSystem = new Patient();
        withSystem.addIdentifier().setSystem(system).setValue(value);
        String a = create(withSystem).getIdElement().getIdPart();
        Patient otherSystem = new Patient();
        otherSystem.addIdentifier().setSystem(other).setValue(value);
        String b = create(otherSystem).getIdElement().getIdPart();
        Patient noSystem = new Patient();
        noSystem.addIdentifier().setValue(value);
        String c = create(noSystem).getIdElement().getIdPart();
        Patient sameSystem = new Patient();
        sameSystem.addIdentifier().setSystem(system).setValue(unique());
        String d = create(sameSystem).getIdElement().getIdPart();

        assertThat(find("Patient?identifier=" + value)).containsExactlyInAnyOrder(a, b, c);
        assertThat(find("Patient?identifier=" + FhirHttp.q(system + "|" + value))).containsExactly(a);
        assertThat(find("Patient?identifier=" + FhirHttp.q("|" + value))).containsExactly(c);
        assertThat(find("Patient?identifier=" + FhirHttp.q(system + "|"))).containsExactlyInAnyOrder(a, d);
        assertThat(find("Patient?identifier=" + FhirHttp.q(system + "|" + value) + ","
                + FhirHttp.q(other + "|" + value))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void tokenNotExcludesMatchesIncludingResourcesWithoutTheElement() {
        String family = unique();
        String female = patient(family, AdministrativeGender.FEMALE, "F");
        String male = patient(family, AdministrativeGender.MALE, "M");
        String unknown = patient(family, null, "U");

        assertThat(find("Patient?family=" + family + "&gender=male")).containsExactly(male);
        assertThat(find("Patient?family=" + family + "&gender:not=male")).containsExactlyInAnyOrder(female, unknown);
    }

    @Test
    void tokenTextSearchesTheDisplayAndConceptText() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        String subject = "Patient/" + create(patient).getIdElement().getIdPart();
        Observation coded = new Observation();
        coded.setStatus(Observation.ObservationStatus.FINAL).getCode().addCoding().setSystem("http://loinc.org")
                .setCode("85354-9").setDisplay("Blood pressure panel");
        coded.getSubject().setReference(subject);
        String bp = create(coded).getIdElement().getIdPart();
        Observation textOnly = new Observation();
        textOnly.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("Body temperature");
        textOnly.getSubject().setReference(subject);
        String temperature = create(textOnly).getIdElement().getIdPart();

        assertThat(find("Observation?subject=" + subject + "&code:text=" + FhirHttp.q("blood PRESSURE")))
                .containsExactly(bp);
        assertThat(find("Observation?subject=" + subject + "&code:text=body")).containsExactly(temperature);
        assertThat(find("Observation?subject=" + subject + "&code=" + FhirHttp.q("http://loinc.org|85354-9")))
                .containsExactly(bp);
    }

    @Test
    void missingFindsResourcesWithOrWithoutAValue() {
        String family = unique();
        Patient born = new Patient();
        born.addName().setFamily(family);
        born.setBirthDateElement(new DateType("1999-09-09"));
        String withDate = create(born).getIdElement().getIdPart();
        String withoutDate = patient(family, null, "Nobirth");

        assertThat(find("Patient?family=" + family + "&birthdate:missing=true")).containsExactly(withoutDate);
        assertThat(find("Patient?family=" + family + "&birthdate:missing=false")).containsExactly(withDate);
        assertThat(find("Patient?family=" + family + "&gender:missing=true"))
                .containsExactlyInAnyOrder(withDate, withoutDate);
    }

    @Test
    void idSearchTakesOneOrSeveralIds() {
        String family = unique();
        String a = patient(family, null, "A");
        String b = patient(family, null, "B");
        patient(family, null, "C");

        assertThat(find("Patient?_id=" + a)).containsExactly(a);
        assertThat(find("Patient?_id=" + a + "," + b)).containsExactlyInAnyOrder(a, b);
        assertThat(find("Patient?_id=" + a + "&family=" + family)).containsExactly(a);
        assertThat(find("Observation?_id=" + a)).isEmpty();
    }

    @Test
    void uriSearchMatchesExactlyOrBelowAPath() {
        String base = "http://salus.test/fhir/ValueSet/" + unique();
        String parent = valueSet(base);
        String child = valueSet(base + "/child");
        valueSet(base + "-sibling");

        assertThat(find("ValueSet?url=" + FhirHttp.q(base))).containsExactly(parent);
        assertThat(find("ValueSet?url=" + FhirHttp.q(base + "/child"))).containsExactly(child);
        assertThat(find("ValueSet?url=" + FhirHttp.q(base + "/"))).isEmpty();
        assertThat(find("ValueSet?url:below=" + FhirHttp.q(base + "/"))).containsExactly(child);
        assertThat(find("ValueSet?url:below=" + FhirHttp.q(base))).contains(parent, child);
    }

    private String valueSet(String url) {
        ValueSet valueSet = new ValueSet();
        valueSet.setUrl(url).setStatus(PublicationStatus.DRAFT).setName("SyntheticTestSet");
        return create(valueSet).getIdElement().getIdPart();
    }
}
