package health.salus.fhir.rest;

import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.At;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchPage;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/** Interactions on the server as a whole: batch/transaction, system history, and {@code $everything}. */
public final class SystemProvider {

    private static final int EVERYTHING_DEFAULT_COUNT = 100;
    private static final int EVERYTHING_MAX_COUNT = 1000;

    private final ResourceStore store;

    SystemProvider(ResourceStore store) {
        this.store = store;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        return store.process(bundle);
    }

    @History
    public IBundleProvider systemHistory(@Since DateRangeParam since, @At DateRangeParam at, RequestDetails request) {
        return HistoryBundles.of(store, Optional.empty(), Optional.empty(), since, at, request);
    }

    /** The result is a searchset, as the Patient-everything OperationDefinition says, with paging links. */
    @Operation(name = "$everything", idempotent = true, type = Patient.class, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(@IdParam IdType patientId, RequestDetails request) {
        int count = Math.min(RequestParams.wholeNumber(request, "_count", EVERYTHING_DEFAULT_COUNT), EVERYTHING_MAX_COUNT);
        int offset = RequestParams.wholeNumber(request, "_offset", 0);
        SearchPage page = store.everything(patientId.getIdPart(), offset, count);
        return new PageBundleProvider(page.matches(), page.included(), page.total().orElse(null), offset, count);
    }
}
