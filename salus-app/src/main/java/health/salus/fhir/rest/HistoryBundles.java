package health.salus.fhir.rest;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntryTransactionMethodEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import health.salus.fhir.HistoryPage;
import health.salus.fhir.HistoryRequest;
import health.salus.fhir.ResourceStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/** Builds history bundles: newest first, each entry marked with the interaction that made it. */
final class HistoryBundles {

    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 500;

    private HistoryBundles() {
    }

    static IBundleProvider of(ResourceStore store, Optional<String> type, Optional<String> id, DateRangeParam since,
            DateRangeParam at, RequestDetails request) {
        int count = Math.min(RequestParams.wholeNumber(request, "_count", DEFAULT_COUNT), MAX_COUNT);
        int offset = RequestParams.wholeNumber(request, "_offset", 0);
        HistoryPage page = store.history(new HistoryRequest(type, id, lowerBound(since), period(at), offset,
                count));
        List<Resource> resources = page.entries().stream().map(entry -> {
            Resource resource = entry.resource();
            ResourceMetadataKeyEnum.ENTRY_TRANSACTION_METHOD.put(resource,
                    BundleEntryTransactionMethodEnum.valueOf(entry.method()));
            if (entry.deleted()) {
                ResourceMetadataKeyEnum.DELETED_AT.put(resource, new InstantType(resource.getMeta().getLastUpdated()));
            }
            return resource;
        }).toList();
        return new PageBundleProvider(resources, List.of(), page.total(), offset, count);
    }

    private static Optional<Instant> lowerBound(DateRangeParam range) {
        return range == null || range.getLowerBoundAsInstant() == null ? Optional.empty()
                : Optional.of(range.getLowerBoundAsInstant().toInstant());
    }

    /** {@code _at=2024-03-01} is the whole day: every version current at some moment of it. */
    private static Optional<HistoryRequest.Period> period(DateRangeParam range) {
        if (range == null || range.getLowerBoundAsInstant() == null && range.getUpperBoundAsInstant() == null) {
            return Optional.empty();
        }
        Instant start = range.getLowerBoundAsInstant() == null ? Instant.EPOCH
                : range.getLowerBoundAsInstant().toInstant();
        Instant end = range.getUpperBoundAsInstant() == null ? Instant.now()
                : range.getUpperBoundAsInstant().toInstant();
        return Optional.of(new HistoryRequest.Period(start, end));
    }
}
