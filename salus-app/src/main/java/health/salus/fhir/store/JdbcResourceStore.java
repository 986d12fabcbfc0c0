package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.fhir.BodyCodec;
import health.salus.fhir.HistoryPage;
import health.salus.fhir.HistoryRequest;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchPage;
import health.salus.fhir.SearchRequest;
import health.salus.fhir.WriteOutcome;
import health.salus.fhir.search.IndexWriter;
import health.salus.fhir.search.SearchParamRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The resource store on a relational database through JDBC; every write runs in one transaction. */
@Service
class JdbcResourceStore implements ResourceStore {

    /** Conditional operations refuse to act on more matches than this, as ambiguous. */
    private static final int CONDITIONAL_LIMIT = 2;

    private final ResourceDao dao;
    private final IndexWriter indexWriter;
    private final ResourceWriter writer;
    private final ResourceCodec codec;
    private final SearchExecutor searches;
    private final HistoryReader historyReader;
    private final JsonPatcher patcher;
    private final SearchParamRegistry registry;
    private final TransactionTemplate tx;
    private final BundleProcessor bundles;
    private final ConditionLocks conditionLocks;
    private final AccessChecks access;

    JdbcResourceStore(ResourceDao dao, IndexWriter indexWriter, ResourceWriter writer, ResourceCodec codec,
            SearchExecutor searches, HistoryReader historyReader, JsonPatcher patcher, SearchParamRegistry registry,
            TransactionTemplate tx, ConditionLocks conditionLocks, AccessChecks access) {
        this.conditionLocks = conditionLocks;
        this.access = access;
        this.dao = dao;
        this.indexWriter = indexWriter;
        this.writer = writer;
        this.codec = codec;
        this.searches = searches;
        this.historyReader = historyReader;
        this.patcher = patcher;
        this.registry = registry;
        this.tx = tx;
        this.bundles = new BundleProcessor(this, tx);
    }

    WriteBatch newBatch() {
        return new WriteBatch(dao, indexWriter);
    }

    /** Runs one write in its own transaction and flushes its batch before committing. */
    private <T> T inTransaction(Function<WriteBatch, T> work) {
        return tx.execute(status -> {
            WriteBatch batch = newBatch();
            T result = work.apply(batch);
            batch.flush();
            return result;
        });
    }

    @Override
    public WriteOutcome create(Resource resource, Optional<String> ifNoneExist) {
        return inTransaction(batch -> create(batch, resource, ifNoneExist));
    }

    WriteOutcome create(WriteBatch batch, Resource resource, Optional<String> ifNoneExist) {
        if (ifNoneExist.isPresent()) {
            batch.flush();
            List<ResourceRow> matches = matches(resource.fhirType(), ifNoneExist.get());
            if (matches.size() > 1) {
                throw new PreconditionFailedException("If-None-Exist matched more than one " + resource.fhirType());
            }
            if (matches.size() == 1) {
                Visibility visibility = access.require(Interaction.READ, resource.fhirType());
                return WriteOutcome.unchanged(access.decode(visibility, matches.get(0)));
            }
        }
        return writer.create(batch, resource, ResourceWriter.newId());
    }

    /** Creates with an id chosen beforehand, as transactions do to resolve references between entries. */
    WriteOutcome createWithId(WriteBatch batch, Resource resource, String id) {
        return writer.create(batch, resource, id);
    }

    @Override
    public WriteOutcome update(Resource resource, Optional<Long> ifMatchVersion) {
        return inTransaction(batch -> update(batch, resource, ifMatchVersion));
    }

    WriteOutcome update(WriteBatch batch, Resource resource, Optional<Long> ifMatchVersion) {
        requireId(resource);
        return writer.update(batch, resource, ifMatchVersion);
    }

    @Override
    public WriteOutcome conditionalUpdate(Resource resource, String conditionalUrl) {
        return inTransaction(batch -> conditionalUpdate(batch, resource, conditionalUrl));
    }

    WriteOutcome conditionalUpdate(WriteBatch batch, Resource resource, String conditionalUrl) {
        batch.flush();
        List<ResourceRow> matches = matches(resource.fhirType(), conditionalUrl);
        if (matches.size() > 1) {
            throw new PreconditionFailedException("The conditional update matched more than one "
                    + resource.fhirType());
        }
        if (matches.isEmpty()) {
            if (resource.getIdElement().hasIdPart()) {
                return writer.update(batch, resource, Optional.empty());
            }
            return writer.create(batch, resource, ResourceWriter.newId());
        }
        String id = matches.get(0).id();
        if (resource.getIdElement().hasIdPart() && !resource.getIdElement().getIdPart().equals(id)) {
            throw new InvalidRequestException("The resource id does not match the resource the condition found");
        }
        resource.setId(id);
        return writer.update(batch, resource, Optional.empty());
    }

    @Override
    public WriteOutcome patch(String resourceType, String id, String jsonPatch, Optional<Long> ifMatchVersion) {
        return inTransaction(batch -> patch(batch, resourceType, id, jsonPatch, ifMatchVersion));
    }

    WriteOutcome patch(WriteBatch batch, String resourceType, String id, String jsonPatch,
            Optional<Long> ifMatchVersion) {
        Resource current = read(resourceType, id);
        Resource patched = patcher.apply(current, jsonPatch);
        if (!patched.fhirType().equals(resourceType) || !id.equals(patched.getIdElement().getIdPart())) {
            throw new InvalidRequestException("A patch may not change the resource type or id");
        }
        return writer.update(batch, patched,
                Optional.of(ifMatchVersion.orElse(current.getIdElement().getVersionIdPartAsLong())));
    }

    @Override
    public WriteOutcome delete(String resourceType, String id) {
        return inTransaction(batch -> delete(batch, resourceType, id));
    }

    WriteOutcome delete(WriteBatch batch, String resourceType, String id) {
        requireType(resourceType);
        ResourceRow existing = dao.find(resourceType, id)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(resourceType, id)));
        Visibility visibility = access.require(Interaction.DELETE, resourceType);
        access.requireRow(visibility, Interaction.DELETE, resourceType, id, existing.compartment());
        return writer.delete(batch, existing).map(WriteOutcome::updated)
                .orElseGet(() -> WriteOutcome.unchanged(codec.tombstone(existing)));
    }

    @Override
    public int conditionalDelete(String resourceType, String conditionalUrl) {
        return inTransaction(batch -> conditionalDelete(batch, resourceType, conditionalUrl));
    }

    int conditionalDelete(WriteBatch batch, String resourceType, String conditionalUrl) {
        batch.flush();
        List<ResourceRow> matches = matches(resourceType, conditionalUrl);
        if (matches.size() > 1) {
            throw new PreconditionFailedException("The conditional delete matched more than one " + resourceType);
        }
        matches.forEach(row -> writer.delete(batch, row));
        return matches.size();
    }

    @Override
    public Resource read(String resourceType, String id) {
        requireType(resourceType);
        ResourceRow row = dao.find(resourceType, id)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(resourceType, id)));
        return visibleVersion(row, resourceType, id);
    }

    @Override
    public Resource vread(String resourceType, String id, long version) {
        requireType(resourceType);
        ResourceRow row = dao.findVersion(resourceType, id, version)
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(resourceType, id, Long.toString(version))));
        return visibleVersion(row, resourceType, id);
    }

    private Resource visibleVersion(ResourceRow row, String resourceType, String id) {
        Visibility visibility = access.require(Interaction.READ, resourceType);
        access.requireRow(visibility, Interaction.READ, resourceType, id, row.compartment());
        if (row.deleted()) {
            throw new ResourceGoneException(new IdType(resourceType, id, Long.toString(row.version())));
        }
        access.accessed(Interaction.READ, List.of(row));
        try {
            return access.decode(visibility, row);
        } catch (BodyCodec.KeyDestroyedException erased) {
            throw erased(resourceType);
        }
    }

    @Override
    public SearchPage search(SearchRequest request) {
        requireType(request.resourceType());
        return searches.search(request, access.require(Interaction.SEARCH, request.resourceType()));
    }

    @Override
    public HistoryPage history(HistoryRequest request) {
        request.resourceType().ifPresent(this::requireType);
        if (request.id().isPresent()) {
            String type = request.resourceType().orElseThrow(
                    () -> new InvalidRequestException("The history of one resource needs its type"));
            String id = request.id().get();
            // a deleted resource still has a history; only one that never existed is not found
            ResourceRow row = dao.find(type, id).orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
            Visibility visibility = access.require(Interaction.READ, type);
            access.requireRow(visibility, Interaction.READ, type, id, row.compartment());
            return historyReader.read(request, visibility);
        }
        Visibility visibility = request.resourceType().isPresent()
                ? access.require(Interaction.SEARCH, request.resourceType().get())
                : access.visibility(Interaction.SEARCH);
        return historyReader.read(request, visibility);
    }

    @Override
    public <T> T readTogether(java.util.function.Supplier<T> reads) {
        return access.readsReportedTogether(reads);
    }

    /** Runs {@code work} reporting its accesses once at the end (see {@link AccessChecks#reportingOnce}). */
    <T> T reportingOnce(java.util.function.Supplier<T> work) {
        return access.reportingOnce(work);
    }

    @Override
    public Bundle process(Bundle bundle) {
        return bundles.process(bundle);
    }

    @Override
    public SearchPage everything(String patientId, int offset, int count) {
        read("Patient", patientId);
        return historyReader.compartment(patientId, offset, count, access.require(Interaction.SEARCH, "Patient"));
    }

    /** Every live resource matching a conditional URL such as {@code Patient?identifier=x|1}. */
    List<ResourceRow> matches(String resourceType, String conditionalUrl) {
        SearchRequest condition = ConditionalUrl.parse(resourceType, conditionalUrl);
        // whoever acts on this condition next waits for this transaction, then sees what it wrote
        conditionLocks.lock(condition);
        // matched without the caller's filter, so a hidden match is refused rather than duplicated
        List<ResourceRow> matches = searches.allMatches(condition, CONDITIONAL_LIMIT);
        if (!matches.isEmpty()) {
            Visibility visibility = access.require(Interaction.SEARCH, resourceType);
            matches.forEach(row -> access.requireRow(visibility, Interaction.SEARCH, resourceType, row.id(),
                    row.compartment()));
        }
        return matches;
    }

    /** Crypto-shredded data answers like a deleted resource, with a message that says why. */
    static ResourceGoneException erased(String resourceType) {
        return new ResourceGoneException("This " + resourceType + " was erased");
    }

    private void requireType(String resourceType) {
        if (!registry.isResourceType(resourceType)) {
            throw new InvalidRequestException("Unknown resource type '" + resourceType + "'");
        }
    }

    private static void requireId(Resource resource) {
        if (!resource.getIdElement().hasIdPart()) {
            throw new InvalidRequestException("An update needs the resource id");
        }
    }
}
