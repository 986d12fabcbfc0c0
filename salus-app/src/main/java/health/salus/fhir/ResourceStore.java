package health.salus.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one way into stored FHIR resources. Failures are HAPI server exceptions
 * ({@code ResourceNotFoundException}, {@code PreconditionFailedException} …) so every entry point
 * turns them into the same OperationOutcome.
 */
public interface ResourceStore {

    /** Creates with a server-assigned id; with {@code ifNoneExist} returns the existing match instead. */
    WriteOutcome create(Resource resource, Optional<String> ifNoneExist);

    /** Updates (or creates with the client's id); {@code ifMatchVersion} guards against lost updates. */
    WriteOutcome update(Resource resource, Optional<Long> ifMatchVersion);

    /** Updates the single resource matching {@code conditionalUrl}, or creates it when none matches. */
    WriteOutcome conditionalUpdate(Resource resource, String conditionalUrl);

    WriteOutcome patch(String resourceType, String id, String jsonPatch, Optional<Long> ifMatchVersion);

    WriteOutcome delete(String resourceType, String id);

    /** Deletes every match of {@code conditionalUrl} (at most a few; more is refused as ambiguous). */
    int conditionalDelete(String resourceType, String conditionalUrl);

    Resource read(String resourceType, String id);

    Resource vread(String resourceType, String id, long version);

    SearchPage search(SearchRequest request);

    HistoryPage history(HistoryRequest request);

    /** Processes a batch or transaction bundle; a failed transaction leaves nothing behind. */
    Bundle process(Bundle bundle);

    /** The patient and everything in their compartment, plus the resources those reference. */
    SearchPage everything(String patientId, int offset, int count);

    /**
     * Runs several reads made for one view (a patient chart) and puts what they accessed on the audit
     * trail in one write when they end, before the view can show any of it; if that write fails, so does
     * the view. Each read is still decided by the access policy on its own.
     */
    <T> T readTogether(java.util.function.Supplier<T> reads);
}
