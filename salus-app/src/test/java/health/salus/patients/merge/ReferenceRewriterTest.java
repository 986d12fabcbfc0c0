package health.salus.patients.merge;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** Which references a merge moves, and that an unmerge moves exactly those back. */
class ReferenceRewriterTest {

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final ReferenceRewriter rewriter = new ReferenceRewriter(fhir);

    @Test
    void onlyTheMergedPatientsReferencesMoveAndTheyMoveBackByPosition() {
        String json = fhir.newJsonParser().encodeResourceToString(PatientRecordBuilder.observedBy("b", "a"));
        Observation observation = fhir.newJsonParser().parseResource(Observation.class, json);

        List<Integer> moved = rewriter.repoint(observation, "b", "a");

        assertThat(moved).containsExactly(0);
        String merged = fhir.newJsonParser().encodeResourceToString(observation);
        assertThat(merged).contains("\"Patient/a\"").doesNotContain("Patient/b");
        Observation stored = fhir.newJsonParser().parseResource(Observation.class, merged);
        assertThat(rewriter.restore(stored, "a", "b", moved)).isEqualTo(1);
        assertThat(stored.getSubject().getReference()).isEqualTo("Patient/b");
        assertThat(stored.getPerformerFirstRep().getReference()).isEqualTo("Patient/a");
    }
}
