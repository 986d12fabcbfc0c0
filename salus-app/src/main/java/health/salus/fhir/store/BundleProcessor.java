package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes batch and transaction bundles. A transaction runs in one database transaction, in the
 * order FHIR prescribes (DELETE, POST, PUT and PATCH, then GET), with {@code urn:uuid} and
 * conditional references resolved first; any failure rolls all of it back.
 */
final class BundleProcessor {

    private static final Logger log = LoggerFactory.getLogger(BundleProcessor.class);

    private final JdbcResourceStore store;
    private final TransactionTemplate tx;

    BundleProcessor(JdbcResourceStore store, TransactionTemplate tx) {
        this.store = store;
        this.tx = tx;
    }

    Bundle process(Bundle bundle) {
        if (bundle.getType() == BundleType.TRANSACTION) {
            return tx.execute(status -> store.reportingOnce(() -> transaction(bundle)));
        }
        if (bundle.getType() == BundleType.BATCH) {
            return batch(bundle);
        }
        throw new InvalidRequestException("Only batch and transaction bundles can be processed, not "
                + (bundle.hasType() ? bundle.getType().toCode() : "a bundle without a type"));
    }

    private Bundle transaction(Bundle bundle) {
        List<BundleEntryComponent> entries = bundle.getEntry();
        entries.forEach(EntryOperations::requireRequest);
        EntryOperations operations = new EntryOperations(store, store.newBatch());
        ReferenceResolution resolution = operations.resolveIdentities(entries);
        operations.rewriteReferences(entries, resolution);
        BundleEntryComponent[] responses = new BundleEntryComponent[entries.size()];
        for (Bundle.HTTPVerb verb : List.of(Bundle.HTTPVerb.DELETE, Bundle.HTTPVerb.POST, Bundle.HTTPVerb.PUT,
                Bundle.HTTPVerb.PATCH, Bundle.HTTPVerb.GET, Bundle.HTTPVerb.HEAD)) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).getRequest().getMethod() == verb) {
                    responses[i] = operations.execute(entries.get(i), resolution, i);
                }
            }
        }
        operations.flush();
        return response(BundleType.TRANSACTIONRESPONSE, List.of(responses));
    }

    private Bundle batch(Bundle bundle) {
        List<BundleEntryComponent> responses = new ArrayList<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            try {
                responses.add(tx.execute(status -> store.reportingOnce(() -> {
                    EntryOperations.requireRequest(entry);
                    EntryOperations operations = new EntryOperations(store, store.newBatch());
                    ReferenceResolution resolution = operations.resolveIdentities(List.of(entry));
                    operations.rewriteReferences(List.of(entry), resolution);
                    // each batch entry is resolved on its own, as entry 0 of a one-entry list
                    BundleEntryComponent response = operations.execute(entry, resolution, 0);
                    operations.flush();
                    return response;
                })));
            } catch (BaseServerResponseException e) {
                responses.add(failure(e));
            } catch (RuntimeException e) {
                // the entries before this one are committed: report this one and go on, never fail them all
                log.error("Unexpected {} in batch entry {}", e.getClass().getName(), responses.size());
                responses.add(failure(new InternalErrorException("An unexpected error occurred in this entry")));
            }
        }
        return response(BundleType.BATCHRESPONSE, responses);
    }

    private static BundleEntryComponent failure(BaseServerResponseException e) {
        BundleEntryComponent entry = new BundleEntryComponent();
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.PROCESSING).setDiagnostics(e.getMessage());
        entry.getResponse().setStatus(Integer.toString(e.getStatusCode())).setOutcome(outcome);
        return entry;
    }

    private static Bundle response(BundleType type, List<BundleEntryComponent> entries) {
        Bundle response = new Bundle().setType(type);
        entries.forEach(response::addEntry);
        return response;
    }
}
