package health.salus.fhir.store;

import health.salus.fhir.SearchPage;
import health.salus.fhir.WriteOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Resource;

/** The response entries of a batch or transaction. */
final class EntryResponses {

    private EntryResponses() {
    }

    static BundleEntryComponent written(WriteOutcome outcome) {
        Resource resource = outcome.resource();
        BundleEntryComponent entry = new BundleEntryComponent();
        String version = resource.getMeta().getVersionId();
        entry.getResponse()
                .setStatus(outcome.created() ? "201 Created" : "200 OK")
                .setLocation(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + "/_history/" + version)
                .setEtag("W/\"" + version + "\"")
                .setLastModified(resource.getMeta().getLastUpdated());
        return entry;
    }

    static BundleEntryComponent status(String status) {
        BundleEntryComponent entry = new BundleEntryComponent();
        entry.getResponse().setStatus(status);
        return entry;
    }

    static BundleEntryComponent read(Resource resource) {
        BundleEntryComponent entry = new BundleEntryComponent().setResource(resource);
        entry.getResponse().setStatus("200 OK");
        if (resource.getMeta().hasVersionId()) {
            entry.getResponse().setEtag("W/\"" + resource.getMeta().getVersionId() + "\"");
        }
        return entry;
    }

    static Bundle searchset(SearchPage page) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        page.total().ifPresent(bundle::setTotal);
        page.matches().forEach(resource -> bundle.addEntry().setResource(resource).getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH));
        page.included().forEach(resource -> bundle.addEntry().setResource(resource).getSearch()
                .setMode(Bundle.SearchEntryMode.INCLUDE));
        return bundle;
    }
}
