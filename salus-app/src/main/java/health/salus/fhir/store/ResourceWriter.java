package health.salus.fhir.store;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import health.salus.fhir.BodyCodec;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import health.salus.fhir.WriteOutcome;
import health.salus.fhir.search.IndexExtractor;
import health.salus.fhir.search.IndexRows;
import health.salus.fhir.search.IndexWriter;
import health.salus.fhir.validation.ResourceRules;
import health.salus.fhir.validation.ResourceValidator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Creates, updates and deletes single resources within a {@link WriteBatch}: assigns ids and
 * versions, validates, extracts indexes and the patient compartment, and seals the body.
 */
@Component
class ResourceWriter {

    private final ResourceDao dao;
    private final ResourceCodec codec;
    private final IndexExtractor extractor;
    private final CompartmentResolver compartments;
    private final ResourceValidator validator;
    private final ResourceRules rules;
    private final Clock clock;
    private final AccessChecks access;

    ResourceWriter(ResourceDao dao, ResourceCodec codec, IndexExtractor extractor, CompartmentResolver compartments,
            ResourceValidator validator, ResourceRules rules, Clock clock, AccessChecks access) {
        this.rules = rules;
        this.access = access;
        this.dao = dao;
        this.codec = codec;
        this.extractor = extractor;
        this.compartments = compartments;
        this.validator = validator;
        this.clock = clock;
    }

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    static String newId() {
        return UUID.randomUUID().toString();
    }

    WriteOutcome create(WriteBatch batch, Resource resource, String id) {
        return create(batch, resource, id, "POST");
    }

    private WriteOutcome create(WriteBatch batch, Resource resource, String id, String method) {
        if (!VALID_ID.matcher(id).matches()) {
            throw new InvalidRequestException("A resource id is 1 to 64 letters, digits, '-' or '.'");
        }
        Visibility visibility = access.require(Interaction.CREATE, resource.fhirType());
        validator.validate(resource);
        rules.enforce(resource);
        Instant now = now();
        ResourceCodec.stamp(resource, id, 1, now);
        Prepared prepared = prepare(resource);
        access.requireRow(visibility, Interaction.CREATE, resource.fhirType(), id, prepared.compartment);
        access.accessed(Interaction.CREATE, resource, prepared.compartment);
        ResourceRow row = new ResourceRow(dao.nextPk(), resource.fhirType(), id, 1, prepared.compartment, now, false,
                prepared.sealed.keyId(), prepared.sealed.bytes());
        batch.insert(row, method, new IndexWriter.Indexed(row.pk(), row.type(), prepared.compartment, prepared.rows));
        return WriteOutcome.created(resource);
    }

    /** Updates the resource with the id it carries, or creates it with that id when it does not exist. */
    WriteOutcome update(WriteBatch batch, Resource resource, Optional<Long> ifMatchVersion) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        Optional<ResourceRow> current = dao.find(type, id);
        if (current.isEmpty()) {
            if (ifMatchVersion.isPresent()) {
                throw new PreconditionFailedException("The resource does not exist, so If-Match cannot match");
            }
            return create(batch, resource, id, "PUT");
        }
        return update(batch, resource, current.get(), ifMatchVersion, access.require(Interaction.UPDATE, type));
    }

    /**
     * Updates an existing resource as far as {@code visibility} reaches, for the resource as it is and as it
     * will be: the caller's update permission, or an authority decided beforehand (a patient merge's).
     */
    WriteOutcome update(WriteBatch batch, Resource resource, ResourceRow existing, Optional<Long> ifMatchVersion,
            Visibility visibility) {
        String type = existing.type();
        String id = existing.id();
        access.requireRow(visibility, Interaction.UPDATE, type, id, existing.compartment());
        if (ifMatchVersion.isPresent() && ifMatchVersion.get() != existing.version()) {
            throw new PreconditionFailedException("Version " + ifMatchVersion.get() + " is not the current version "
                    + existing.version() + " of " + type + "/" + id);
        }
        resource = access.unmaskedForWrite(visibility, resource, existing);
        validator.validate(resource);
        rules.enforce(resource);
        if (!existing.deleted() && unchanged(resource, existing)) {
            return WriteOutcome.unchanged(access.decode(visibility, existing));
        }
        long version = existing.version() + 1;
        Instant now = now();
        ResourceCodec.stamp(resource, id, version, now);
        Prepared prepared = prepare(resource);
        // nor may an update move a resource into a record the caller cannot reach
        access.requireRow(visibility, Interaction.UPDATE, type, id, prepared.compartment);
        access.accessed(Interaction.UPDATE, resource, prepared.compartment);
        ResourceRow row = new ResourceRow(existing.pk(), type, id, version, prepared.compartment, now, false,
                prepared.sealed.keyId(), prepared.sealed.bytes());
        if (!dao.update(row, existing.version())) {
            throw new ResourceVersionConflictException("Concurrent update of " + type + "/" + id + "; retry");
        }
        batch.updated(row, "PUT", new IndexWriter.Indexed(row.pk(), type, prepared.compartment, prepared.rows));
        // the answer shows the caller no more than a read would
        Resource answer = access.maskedForAnswer(visibility, resource);
        return existing.deleted() ? WriteOutcome.created(answer) : WriteOutcome.updated(answer);
    }

    /** Marks a resource deleted as a new, empty version; deleting twice changes nothing. */
    Optional<Resource> delete(WriteBatch batch, ResourceRow existing) {
        if (existing.deleted()) {
            return Optional.empty();
        }
        ResourceRow row = new ResourceRow(existing.pk(), existing.type(), existing.id(), existing.version() + 1,
                existing.compartment(), now(), true, "none", null);
        if (!dao.update(row, existing.version())) {
            throw new ResourceVersionConflictException("Concurrent update of " + existing.type() + "/"
                    + existing.id() + "; retry");
        }
        batch.updated(row, "DELETE", null);
        access.accessed(Interaction.DELETE, java.util.List.of(row));
        return Optional.of(codec.tombstone(row));
    }

    private boolean unchanged(Resource resource, ResourceRow existing) {
        ResourceCodec.stamp(resource, existing.id(), existing.version(), existing.lastUpdated());
        try {
            return Arrays.equals(codec.open(existing), codec.json(resource));
        } catch (BodyCodec.KeyDestroyedException erased) {
            return false;   // the erased version stays erased; the update is new data under a new key
        }
    }

    private record Prepared(IndexRows rows, String compartment, BodyCodec.Sealed sealed) {
    }

    private Prepared prepare(Resource resource) {
        IndexRows rows = extractor.extract(resource);
        String compartment = compartments.patientOf(resource, rows).orElse(null);
        return new Prepared(rows, compartment, codec.seal(compartment, codec.json(resource)));
    }

    private Instant now() {
        // the database keeps microseconds at best; the body and the column must agree exactly
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
