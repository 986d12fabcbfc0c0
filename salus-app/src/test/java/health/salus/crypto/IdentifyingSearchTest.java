package health.salus.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Names, addresses, phones, e-mails and identifiers of people reach the index tables only as keyed
 * hashes, and every search FHIR clients rely on still finds them: prefix, {@code :exact}, phonetic,
 * identifier, phone and e-mail. What hashes cannot answer is refused with a 400 that says why.
 */
class IdentifyingSearchTest extends FhirApiTest {

    private static final List<String> INDEX_TABLES = List.of("fhir_idx_string", "fhir_idx_token", "fhir_idx_date",
            "fhir_idx_number", "fhir_idx_quantity", "fhir_idx_reference", "fhir_idx_uri");

    @Autowired
    JdbcTemplate jdbc;

    private String mrnSystem;
    private String mrn;
    private String smith;
    private String jones;

    /** Two patients, told apart by every identifying value; searches are scoped to them by _id. */
    @BeforeEach
    void twoPatients() {
        mrnSystem = "urn:salus-test:mrn:" + unique();
        mrn = "MRN-" + unique().toUpperCase(Locale.ROOT);
        Patient john = new Patient();
        john.addName().setFamily("Smith").addGiven("Johnathan").addGiven("Quincy");
        john.addIdentifier().setSystem(mrnSystem).setValue(mrn).getType().setText("Medical record number");
        john.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("+1 (555) 123-4567");
        john.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("Johnathan.Smith@Example.org");
        john.addAddress().addLine("42 Saguaro Way").setCity("Tucson").setPostalCode("85701").setState("AZ");
        smith = create(john).getIdElement().getIdPart();
        Patient mary = new Patient();
        mary.addName().setFamily("Jones").addGiven("Mary");
        mary.addIdentifier().setSystem(mrnSystem).setValue(mrn + "-2");
        mary.addTelecom().setSystem(ContactPointSystem.PHONE).setValue("(555) 987-6543");
        mary.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("mary.jones@example.org");
        mary.addAddress().addLine("7 Mesquite Road").setCity("Tempe").setPostalCode("85281").setState("AZ");
        jones = create(mary).getIdElement().getIdPart();
    }

    private List<String> find(String query) {
        return matchIds(search("Patient?_id=" + smith + "," + jones + "&" + query));
    }

    private List<String> indexText(String resourceType, String id) {
        Long resourceId = jdbc.queryForObject("select id from fhir_resource where res_type = ? and fhir_id = ?",
                Long.class, resourceType, id);
        List<String> cells = new ArrayList<>();
        for (String table : INDEX_TABLES) {
            jdbc.queryForList("select * from " + table + " where resource_id = ?", resourceId)
                    .forEach(row -> row.values().forEach(value -> cells.add(String.valueOf(value).toLowerCase(Locale.ROOT))));
        }
        return cells;
    }

    @Test
    void indexRowsOfAPatientHoldNoPlaintextIdentifier() {
        List<String> cells = indexText("Patient", smith);

        assertThat(cells).isNotEmpty();
        for (String plaintext : List.of("smith", "johnathan", "quincy", "5551234567", "123-4567", "example.org",
                mrn.toLowerCase(Locale.ROOT), "saguaro", "tucson", "85701", "medical record")) {
            assertThat(cells).as("index rows must not hold an identifying value").noneMatch(c -> c.contains(plaintext));
        }
        assertThat(cells).as("the state is kept plain on purpose").contains("az");
    }

    @Test
    void practitionersAreIndexedLikeOtherPeople() {
        Practitioner doctor = new Practitioner();
        doctor.addName().setFamily("Smithers").addGiven("Waylon");
        String id = create(doctor).getIdElement().getIdPart();

        assertThat(indexText("Practitioner", id)).noneMatch(c -> c.contains("smithers") || c.contains("waylon"));
        assertThat(matchIds(search("Practitioner?_id=" + id + "&family=smith"))).containsExactly(id);
    }

    @Test
    void defaultStringSearchMatchesPrefixesIgnoringCaseAndAccents() {
        assertThat(find("family=Smi")).containsExactly(smith);
        assertThat(find("family=SMITH")).containsExactly(smith);
        assertThat(find("family=mith")).isEmpty();
        assertThat(find("family=smithe")).isEmpty();
        assertThat(find("name=jo")).containsExactlyInAnyOrder(smith, jones);
        assertThat(find("name=joh")).containsExactly(smith);
        assertThat(find("name=jon")).containsExactly(jones);
        assertThat(find("given=quin")).containsExactly(smith);
        assertThat(find("address=42%20sag")).containsExactly(smith);
        assertThat(find("address-city=tuc")).containsExactly(smith);
        assertThat(find("address-postalcode=857")).containsExactly(smith);
        assertThat(find("address-state=az")).containsExactlyInAnyOrder(smith, jones);
    }

    @Test
    void exactMatchesTheWholeValueAsWritten() {
        assertThat(find("family:exact=Smith")).containsExactly(smith);
        assertThat(find("family:exact=smith")).isEmpty();
        assertThat(find("family:exact=Smit")).isEmpty();
        assertThat(find("given:exact=Mary")).containsExactly(jones);
    }

    @Test
    void phoneticSearchFindsNamesThatSoundAlike() {
        assertThat(find("phonetic=Smyth")).containsExactly(smith);
        assertThat(find("phonetic=Joanes")).containsExactly(jones);
        assertThat(find("phonetic=Brown")).isEmpty();
    }

    @Test
    void identifierSearchWithAndWithoutItsSystem() {
        assertThat(find("identifier=" + FhirHttp.q(mrnSystem + "|" + mrn))).containsExactly(smith);
        assertThat(find("identifier=" + FhirHttp.q(mrn))).containsExactly(smith);
        assertThat(find("identifier=" + FhirHttp.q(mrnSystem + "|"))).containsExactlyInAnyOrder(smith, jones);
        assertThat(find("identifier=" + FhirHttp.q(mrn.toLowerCase(Locale.ROOT)))).as("identifiers are case-sensitive")
                .isEmpty();
        assertThat(find("identifier=" + FhirHttp.q("urn:other|" + mrn))).isEmpty();
        assertThat(find("identifier:not=" + FhirHttp.q(mrn))).containsExactly(jones);
    }

    @Test
    void phoneSearchIgnoresFormattingAndALeadingCountryCode() {
        assertThat(find("phone=555-123-4567")).containsExactly(smith);
        assertThat(find("phone=" + FhirHttp.q("(555) 123 4567"))).containsExactly(smith);
        assertThat(find("phone=" + FhirHttp.q("+15551234567"))).containsExactly(smith);
        assertThat(find("telecom=" + FhirHttp.q("phone|555.987.6543"))).containsExactly(jones);
        assertThat(find("phone=555-123-4568")).isEmpty();
    }

    @Test
    void emailSearchIgnoresCase() {
        assertThat(find("email=" + FhirHttp.q("JOHNATHAN.SMITH@example.ORG"))).containsExactly(smith);
        assertThat(find("telecom=" + FhirHttp.q("email|Mary.Jones@Example.org"))).containsExactly(jones);
        assertThat(find("email=" + FhirHttp.q("johnathan.smith@example.com"))).isEmpty();
    }

    @Test
    void missingStillTellsWhetherAValueIsThere() {
        Patient nameless = new Patient();
        nameless.setActive(true);
        String id = create(nameless).getIdElement().getIdPart();
        String scope = "Patient?_id=" + smith + "," + id + "&";

        assertThat(matchIds(search(scope + "name:missing=true"))).containsExactly(id);
        assertThat(matchIds(search(scope + "name:missing=false"))).containsExactly(smith);
        assertThat(matchIds(search(scope + "email:missing=false"))).containsExactly(smith);
    }

    @Test
    void searchesHashesCannotAnswerAreRefusedWithAReason() {
        for (String query : List.of("given:contains=ohn", "name:contains=mit", "identifier:text=medical",
                "telecom:text=555", "_sort=family", "_sort=-given", "name=smi&_sort=address-city")) {
            String diagnostics = diagnostics(outcome(http.get("/Patient?" + query), 400));
            assertThat(diagnostics).contains("keyed hashes").doesNotContain("ohn", "mit", "medical", "555");
        }
        assertThat(matchIds(search("Patient?_id=" + smith + "&_sort=address-state"))).containsExactly(smith);
        assertThat(matchIds(search("Organization?name:contains=zzz" + unique()))).isEmpty();
    }

    @Test
    void theCapabilityStatementSaysWhichParametersAreKeyed() {
        CapabilityStatement statement = parse(expect(http.get("/metadata"), 200).body(), CapabilityStatement.class);
        var patient = statement.getRestFirstRep().getResource().stream()
                .filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();

        assertThat(patient.getSearchParam()).filteredOn(p -> p.getName().equals("family"))
                .singleElement().satisfies(p -> assertThat(p.getDocumentation()).contains("keyed hashes",
                        ":contains", "_sort"));
        assertThat(patient.getSearchParam()).filteredOn(p -> p.getName().equals("birthdate"))
                .singleElement().satisfies(p -> assertThat(p.getDocumentation()).doesNotContain("keyed"));
    }

    @Test
    void anUpdateReplacesTheKeyedRows() {
        Patient renamed = read(Patient.class, jones);
        renamed.getNameFirstRep().setFamily("Jonas");
        expect(http.put("/Patient/" + jones, json(renamed), Map.of()), 200);

        assertThat(find("family=jones")).isEmpty();
        assertThat(find("family=jonas")).containsExactly(jones);
    }
}
