package health.salus.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.support.FhirApiTest;
import health.salus.support.FhirHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Instance, type and system {@code _history}: every version, newest first, deletions included. */
class HistoryTest extends FhirApiTest {

    /** A patient written three times: created, updated, deleted. */
    private String patientWithThreeVersions() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        Patient created = create(patient);
        String id = created.getIdElement().getIdPart();
        created.setGender(AdministrativeGender.MALE);
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);
        expect(http.delete("/Patient/" + id), 200);
        return id;
    }

    private static List<String> versions(Bundle bundle, String id) {
        return bundle.getEntry().stream().filter(e -> e.getFullUrl() != null && e.getFullUrl().endsWith("/" + id))
                .map(HistoryTest::version).toList();
    }

    private static String version(BundleEntryComponent entry) {
        if (entry.hasResource()) {
            return entry.getResource().getMeta().getVersionId();
        }
        String url = entry.getRequest().getUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static BundleEntryComponent entryOf(Bundle bundle, String id, String version) {
        return bundle.getEntry().stream().filter(e -> e.getFullUrl().endsWith("/" + id) && version(e).equals(version))
                .findFirst().orElseThrow();
    }

    @Test
    void instanceHistoryListsEveryVersionNewestFirstIncludingTheDeletion() {
        String id = patientWithThreeVersions();

        Bundle history = parse(expect(http.get("/Patient/" + id + "/_history"), 200).body(), Bundle.class);

        assertThat(history.getType()).isEqualTo(Bundle.BundleType.HISTORY);
        assertThat(history.getTotal()).isEqualTo(3);
        assertThat(versions(history, id)).containsExactly("3", "2", "1");
        BundleEntryComponent deletion = history.getEntry().get(0);
        assertThat(deletion.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
        assertThat(deletion.hasResource()).isFalse();
        assertThat(history.getEntry().get(1).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
        assertThat(history.getEntry().get(2).getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
        assertThat(((Patient) history.getEntry().get(1).getResource()).getGender())
                .isEqualTo(AdministrativeGender.MALE);
    }

    @Test
    void instanceHistoryOfALiveResourceStartsWithTheCurrentVersion() {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        Patient created = create(patient);
        String id = created.getIdElement().getIdPart();
        created.setActive(true);
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);

        Bundle history = parse(expect(http.get("/Patient/" + id + "/_history"), 200).body(), Bundle.class);

        assertThat(versions(history, id)).containsExactly("2", "1");
        assertThat(((Patient) history.getEntryFirstRep().getResource()).getActive()).isTrue();
    }

    @Test
    void atGivesOnlyTheVersionCurrentAtThatMoment() throws InterruptedException {
        Patient patient = new Patient();
        patient.addName().setFamily(unique());
        Patient created = create(patient);
        String id = created.getIdElement().getIdPart();
        Thread.sleep(20);
        Instant betweenFirstAndSecond = Instant.now();
        Thread.sleep(20);
        created.setActive(true);
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);
        Thread.sleep(20);
        created.setActive(false);
        expect(http.put("/Patient/" + id, json(created), Map.of()), 200);

        Bundle history = parse(expect(http.get("/Patient/" + id + "/_history?_at="
                + FhirHttp.q(betweenFirstAndSecond.toString())), 200).body(), Bundle.class);

        assertThat(versions(history, id)).containsExactly("1");
        Thread.sleep(20);
        Bundle now = parse(expect(http.get("/Patient/" + id + "/_history?_at="
                + FhirHttp.q(Instant.now().toString())), 200).body(), Bundle.class);
        assertThat(versions(now, id)).as("earlier versions were no longer current then").containsExactly("3");
    }

    @Test
    void instanceHistoryOfAnUnknownResourceIs404() {
        outcome(http.get("/Patient/" + unique() + "/_history"), 404);
    }

    @Test
    void instanceHistoryPagesWithCount() {
        String id = patientWithThreeVersions();

        Bundle first = parse(expect(http.get("/Patient/" + id + "/_history?_count=2"), 200).body(), Bundle.class);

        assertThat(first.getTotal()).isEqualTo(3);
        assertThat(versions(first, id)).containsExactly("3", "2");
        assertThat(first.getLink("next")).isNotNull();
        Bundle second = parse(expect(http.get(first.getLink("next").getUrl()), 200).body(), Bundle.class);
        assertThat(versions(second, id)).containsExactly("1");
    }

    @Test
    void typeHistoryHasEveryVersionOfTheTypeNewestFirst() {
        Instant since = Instant.now().minus(1, ChronoUnit.SECONDS);
        String deleted = patientWithThreeVersions();
        Patient other = new Patient();
        other.addName().setFamily(unique());
        String created = create(other).getIdElement().getIdPart();
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("not a patient");
        String observationId = create(observation).getIdElement().getIdPart();

        Bundle history = parse(expect(http.get("/Patient/_history?_count=500&_since=" + FhirHttp.q(since.toString())),
                200).body(), Bundle.class);

        assertThat(history.getEntry()).allMatch(e -> e.getFullUrl().contains("/Patient/"));
        assertThat(versions(history, deleted)).containsExactly("3", "2", "1");
        assertThat(versions(history, created)).containsExactly("1");
        assertThat(versions(history, observationId)).isEmpty();
        assertNewestFirst(history);
        assertThat(history.getEntry().indexOf(entryOf(history, created, "1")))
                .isLessThan(history.getEntry().indexOf(entryOf(history, deleted, "3")));
    }

    @Test
    void systemHistorySpansTypesNewestFirst() {
        Instant since = Instant.now().minus(1, ChronoUnit.SECONDS);
        String deleted = patientWithThreeVersions();
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("system history");
        String observationId = create(observation).getIdElement().getIdPart();

        Bundle history = parse(expect(http.get("/_history?_count=500&_since=" + FhirHttp.q(since.toString())), 200)
                .body(), Bundle.class);

        assertThat(versions(history, deleted)).containsExactly("3", "2", "1");
        assertThat(versions(history, observationId)).containsExactly("1");
        assertThat(entryOf(history, deleted, "3").getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.DELETE);
        assertNewestFirst(history);
        assertThat(history.getEntry().indexOf(entryOf(history, observationId, "1")))
                .isLessThan(history.getEntry().indexOf(entryOf(history, deleted, "3")));
    }

    /** Each entry is no newer than the one before it (deletions carry their time in the version URL's resource). */
    private void assertNewestFirst(Bundle history) {
        Instant previous = Instant.MAX;
        for (BundleEntryComponent entry : history.getEntry()) {
            if (!entry.hasResource()) {
                continue;
            }
            Instant updated = entry.getResource().getMeta().getLastUpdated().toInstant();
            assertThat(updated).isBeforeOrEqualTo(previous);
            previous = updated;
        }
    }
}
