package health.salus.fhir.rest;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;

/**
 * One page the store has already cut, handed to HAPI's bundle builder with its offset so that HAPI
 * writes {@code _offset} paging links: any node can serve the next page, nothing is kept in memory.
 */
public final class PageBundleProvider implements IBundleProvider {

    private final List<IBaseResource> resources = new ArrayList<>();
    private final int includedCount;
    private final Integer total;
    private final int offset;
    private final int count;
    private final InstantType published = new InstantType(new Date());

    /** A page as the store (or another module's provider) cut it. */
    public static PageBundleProvider of(health.salus.fhir.SearchPage page) {
        return new PageBundleProvider(page.matches(), page.included(), page.total().orElse(null), page.offset(),
                page.count());
    }

    PageBundleProvider(List<? extends Resource> matches, List<? extends Resource> included, Integer total, int offset,
            int count) {
        resources.addAll(matches);
        for (Resource resource : included) {
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, BundleEntrySearchModeEnum.INCLUDE);
            resources.add(resource);
        }
        this.includedCount = included.size();
        this.total = total;
        this.offset = offset;
        this.count = count;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        // the page holds exactly what was asked for, includes after the matches
        return resources;
    }

    /**
     * Without a total HAPI decides whether there is a next page by whether the page is full, so it must
     * know how many entries are includes rather than matches.
     */
    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex, ResponsePage.ResponsePageBuilder page) {
        page.setIncludedResourceCount(includedCount);
        return getResources(fromIndex, toIndex);
    }

    @Override
    public String getUuid() {
        return UUID.randomUUID().toString();
    }

    @Override
    public Integer preferredPageSize() {
        return count;
    }

    @Override
    public Integer size() {
        return total;
    }

    @Override
    public Integer getCurrentPageOffset() {
        return offset;
    }

    @Override
    public Integer getCurrentPageSize() {
        return count;
    }
}
