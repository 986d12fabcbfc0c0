package health.salus.fhir.rest;

import ca.uhn.fhir.rest.annotation.At;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchPage;
import health.salus.fhir.SearchRequest;
import health.salus.fhir.WriteOutcome;
import health.salus.fhir.validation.ResourceValidator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;

/** The FHIR REST interactions of one resource type, all answered by the {@link ResourceStore}. */
public final class ResourceTypeProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final String typeName;
    private final ResourceStore store;
    private final ResourceValidator validator;

    ResourceTypeProvider(Class<? extends IBaseResource> type, String typeName, ResourceStore store,
            ResourceValidator validator) {
        this.type = type;
        this.typeName = typeName;
        this.store = store;
        this.validator = validator;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read(version = true)
    public Resource read(@IdParam IdType id) {
        return id.hasVersionIdPart() ? store.vread(typeName, id.getIdPart(), versionOf(id))
                : store.read(typeName, id.getIdPart());
    }

    @Create
    public MethodOutcome create(@ResourceParam Resource resource, @ConditionalUrlParam String conditionalUrl,
            RequestDetails request) {
        resource.setId((String) null);
        Optional<String> ifNoneExist = Optional.ofNullable(conditionalUrl).or(() -> Headers.ifNoneExist(request));
        return outcome(store.create(resource, ifNoneExist));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Resource resource,
            @ConditionalUrlParam String conditionalUrl, RequestDetails request) {
        if (conditionalUrl != null) {
            return outcome(store.conditionalUpdate(resource, conditionalUrl));
        }
        if (!resource.getIdElement().hasIdPart() || !resource.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw new InvalidRequestException("The resource id must match the id in the URL");
        }
        resource.setId(typeName + "/" + id.getIdPart());
        return outcome(store.update(resource, Headers.ifMatchVersion(request)));
    }

    @Patch
    public MethodOutcome patch(@IdParam IdType id, PatchTypeEnum patchType, @ResourceParam String body,
            RequestDetails request) {
        if (id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("PATCH needs the id of the resource in the URL");
        }
        if (patchType != PatchTypeEnum.JSON_PATCH) {
            throw new InvalidRequestException("Only JSON Patch (application/json-patch+json) is supported");
        }
        return outcome(store.patch(typeName, id.getIdPart(), body, Headers.ifMatchVersion(request)));
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id, @ConditionalUrlParam String conditionalUrl) {
        if (conditionalUrl != null) {
            int deleted = store.conditionalDelete(typeName, conditionalUrl);
            return new MethodOutcome().setOperationOutcome(information(deleted + " resource(s) deleted"));
        }
        // HAPI routes DELETE [type] here too, with neither an id nor a condition
        if (id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("A delete needs a resource id or search parameters");
        }
        WriteOutcome outcome = store.delete(typeName, id.getIdPart());
        return new MethodOutcome(outcome.resource().getIdElement())
                .setOperationOutcome(information(outcome.changed() ? "Deleted" : "Already deleted"));
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        SearchPage page = store.search(new SearchRequest(typeName, params));
        return new PageBundleProvider(page.matches(), page.included(), page.total().orElse(null), page.offset(),
                page.count());
    }

    @History
    public IBundleProvider instanceHistory(@IdParam IdType id, @Since DateRangeParam since, @At DateRangeParam at,
            RequestDetails request) {
        return HistoryBundles.of(store, Optional.of(typeName), Optional.of(id.getIdPart()), since, at, request);
    }

    @History
    public IBundleProvider typeHistory(@Since DateRangeParam since, @At DateRangeParam at, RequestDetails request) {
        return HistoryBundles.of(store, Optional.of(typeName), Optional.empty(), since, at, request);
    }

    @Validate
    public MethodOutcome validate(@ResourceParam String body, @ResourceParam EncodingEnum encoding,
            RequestDetails request) {
        IParser parser = encoding == EncodingEnum.XML ? request.getFhirContext().newXmlParser()
                : request.getFhirContext().newJsonParser();
        IBaseResource parsed = parser.parseResource(body);
        if (parsed instanceof Parameters parameters && parameters.getParameter("resource") != null) {
            parsed = parameters.getParameter("resource").getResource();
        }
        if (!(parsed instanceof Resource resource) || !resource.fhirType().equals(typeName)) {
            throw new InvalidRequestException("$validate on " + typeName + " takes a " + typeName);
        }
        validator.validate(resource);
        return new MethodOutcome().setOperationOutcome(information("No issues detected during validation"));
    }

    private static MethodOutcome outcome(WriteOutcome outcome) {
        MethodOutcome methodOutcome = new MethodOutcome(outcome.resource().getIdElement(), outcome.created());
        methodOutcome.setResource(outcome.resource());
        return methodOutcome;
    }

    static OperationOutcome information(String text) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(text);
        return outcome;
    }

    private static long versionOf(IdType id) {
        try {
            return Long.parseLong(id.getVersionIdPart());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("A version id is a whole number");
        }
    }
}
