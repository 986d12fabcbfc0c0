package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import health.salus.fhir.AccessGuard;
import health.salus.fhir.CompartmentLinks;
import health.salus.fhir.ExternalResourceProvider;
import health.salus.fhir.Interaction;
import health.salus.fhir.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Locale;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the access policy's answer inside the store: refuses what is not visible, masks what must
 * not be seen, and reports what was touched. Messages name the resource type only, never the patient.
 */
@Component
class AccessChecks {

    private static final String REDACTED_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private final AccessGuard guard;
    private final ResourceCodec codec;
    private final CompartmentLinks links;
    private final FhirContext fhirContext;
    private final ObjectProvider<ExternalResourceProvider> externalProviders;
    private volatile Set<String> externalTypes;

    AccessChecks(AccessGuard guard, ResourceCodec codec, CompartmentLinks links, FhirContext fhirContext,
            ObjectProvider<ExternalResourceProvider> externalProviders) {
        this.guard = guard;
        this.codec = codec;
        this.links = links;
        this.fhirContext = fhirContext;
        this.externalProviders = externalProviders;
    }

    /**
     * The caller's visibility for an interaction on a type it must be allowed to touch at all. Every
     * store access asks this first, so a type another module serves is refused here, for every caller
     * and every path (REST, transactions, conditional references, jobs).
     */
    Visibility require(Interaction interaction, String resourceType) {
        if (externalTypes().contains(resourceType)) {
            throw new MethodNotAllowedException(resourceType + " resources are not kept in the resource store; "
                    + "Salus writes them itself and serves them at /fhir/" + resourceType);
        }
        Visibility visibility = guard.visibility(interaction);
        if (!visibility.permitsType(resourceType)) {
            // told before the refusal leaves, so it is audited (and an audit failure fails the request)
            guard.refused(interaction, new AccessGuard.AccessedResource(resourceType, null, null));
            throw denied(interaction, resourceType);
        }
        return visibility;
    }

    /** Resolved on first use: the providers live in other modules that themselves depend on the store. */
    private Set<String> externalTypes() {
        Set<String> types = externalTypes;
        if (types == null) {
            types = externalProviders.orderedStream()
                    .map(provider -> fhirContext.getResourceType(provider.getResourceType()))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            externalTypes = types;
        }
        return types;
    }

    Visibility visibility(Interaction interaction) {
        return guard.visibility(interaction);
    }

    /** Whether a row of this type and compartment is visible, asking the database for care relationships. */
    boolean visible(Visibility visibility, String resourceType, String compartment) {
        return visibility.permits(resourceType, compartment, links);
    }

    /** A filter for many rows at once (includes): each compartment is looked up once. */
    Predicate<ResourceRow> visibleRows(Visibility visibility) {
        Map<String, Boolean> seen = new HashMap<>();
        return row -> visibility.permitsDirectly(row.type(), row.compartment()) || seen.computeIfAbsent(
                row.type() + "/" + row.compartment(), key -> visible(visibility, row.type(), row.compartment()));
    }

    void requireRow(Visibility visibility, Interaction interaction, String resourceType, String id,
            String compartment) {
        if (!visible(visibility, resourceType, compartment)) {
            guard.refused(interaction, new AccessGuard.AccessedResource(resourceType, id, compartment));
            throw new ForbiddenOperationException("The access policy does not allow you to "
                    + verb(interaction) + " this " + resourceType + ": no care relationship or consent covers it");
        }
    }

    /**
     * What a writer may store over {@code existing}: the resource it sent, with the elements it may not see
     * kept as stored (it was shown a masked copy, so their absence is not a request to remove them).
     */
    Resource unmaskedForWrite(Visibility visibility, Resource incoming, ResourceRow existing) {
        var masked = visibility.masked(existing.type());
        if (masked.isEmpty()) {
            return incoming;
        }
        Resource stored = existing.deleted() ? codec.tombstone(existing) : codec.decode(existing);
        return codec.withElementsOf(incoming, stored, masked, REDACTED_SYSTEM);
    }

    /** The resource as the caller may see it: masked like a read when the policy masks its type. */
    Resource maskedForAnswer(Visibility visibility, Resource resource) {
        var masked = visibility.masked(resource.fhirType());
        return masked.isEmpty() ? resource : mask(resource, masked);
    }

    /** Decodes a visible row, without the elements the caller must not see. */
    Resource decode(Visibility visibility, ResourceRow row) {
        Resource resource = codec.decode(row);
        var masked = visibility.masked(row.type());
        return masked.isEmpty() || row.deleted() ? resource : mask(resource, masked);
    }

    /**
     * Decodes visible rows, leaving out those whose key was destroyed: erased data is gone for every
     * search, and one patient's erasure must not break other people's result pages.
     */
    List<Resource> decodeReadable(Visibility visibility, List<ResourceRow> rows) {
        List<Resource> resources = new java.util.ArrayList<>(rows.size());
        for (ResourceRow row : rows) {
            decodeReadable(visibility, row).ifPresent(resources::add);
        }
        return resources;
    }

    java.util.Optional<Resource> decodeReadable(Visibility visibility, ResourceRow row) {
        try {
            return java.util.Optional.of(decode(visibility, row));
        } catch (health.salus.fhir.BodyCodec.KeyDestroyedException erased) {
            return java.util.Optional.empty();
        }
    }

    void accessed(Interaction interaction, List<ResourceRow> rows) {
        if (!rows.isEmpty()) {
            report(interaction, accessedResources(rows));
        }
    }

    private static List<AccessGuard.AccessedResource> accessedResources(List<ResourceRow> rows) {
        return rows.stream().map(row -> new AccessGuard.AccessedResource(row.type(), row.id(), row.compartment()))
                .toList();
    }

    /**
     * Runs {@code work} with what it accesses reported once at its end, one report per interaction,
     * instead of once per resource: a transaction bundle of 140 entries is one audit write, not 140
     * waits. Call it inside the database transaction, so a report that fails rolls the work back.
     */
    <T> T reportingOnce(java.util.function.Supplier<T> work) {
        if (COLLECTED.get() != null) {
            return work.get();
        }
        Map<Interaction, List<AccessGuard.AccessedResource>> collected = new java.util.LinkedHashMap<>();
        COLLECTED.set(collected);
        T result;
        try {
            result = work.get();
        } finally {
            COLLECTED.remove();
        }
        collected.forEach(guard::accessed);
        return result;
    }

    /**
     * Runs the reads of one view with what they access reported together when they end, one report per
     * interaction: a chart page's dozen searches cost one audit write, not a dozen. What was read is
     * reported even when a later read fails, since it has been seen by the server all the same.
     */
    <T> T readsReportedTogether(java.util.function.Supplier<T> reads) {
        if (COLLECTED.get() != null) {
            return reads.get();
        }
        Map<Interaction, List<AccessGuard.AccessedResource>> collected = new java.util.LinkedHashMap<>();
        COLLECTED.set(collected);
        try {
            return reads.get();
        } finally {
            COLLECTED.remove();
            collected.forEach(guard::accessed);
        }
    }

    private void report(Interaction interaction, List<AccessGuard.AccessedResource> resources) {
        Map<Interaction, List<AccessGuard.AccessedResource>> collected = COLLECTED.get();
        if (collected == null) {
            guard.accessed(interaction, resources);
        } else {
            collected.computeIfAbsent(interaction, i -> new java.util.ArrayList<>()).addAll(resources);
        }
    }

    private static final ThreadLocal<Map<Interaction, List<AccessGuard.AccessedResource>>> COLLECTED =
            new ThreadLocal<>();

    void accessedWholeRecord(List<ResourceRow> rows) {
        if (!rows.isEmpty()) {
            guard.accessedWholeRecord(accessedResources(rows));
        }
    }

    static List<ResourceRow> concat(List<ResourceRow> first, List<ResourceRow> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<ResourceRow> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    void accessed(Interaction interaction, Resource resource, String compartment) {
        report(interaction, List.of(new AccessGuard.AccessedResource(resource.fhirType(),
                resource.getIdElement().getIdPart(), compartment)));
    }

    private Resource mask(Resource resource, java.util.Set<String> elements) {
        Resource copy = codec.withoutElements(resource, elements);
        // FHIR's way to say "something was withheld here"
        copy.getMeta().addSecurity(new Coding(REDACTED_SYSTEM, "REDACTED", "redacted"));
        return copy;
    }

    static ForbiddenOperationException denied(Interaction interaction, String resourceType) {
        return new ForbiddenOperationException("The access policy does not allow your role to "
                + verb(interaction) + " " + resourceType + " resources");
    }

    private static String verb(Interaction interaction) {
        return interaction.name().toLowerCase(Locale.ROOT);
    }
}
