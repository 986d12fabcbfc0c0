package health.salus.audit.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.audit.AuditOutcome;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.audit.view.AuditEntries;
import health.salus.fhir.ExternalResourceProvider;
import health.salus.fhir.SearchPage;
import health.salus.security.Accounts;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code /fhir/AuditEvent}: the audit trail itself, read-only, for the roles the access policy lets
 * read the "audit" group. Every look is recorded (category AUDIT) before the answer leaves; writes
 * are refused (405) and recorded as refused, because only Salus writes the trail.
 */
@Component
class AuditEventProvider implements ExternalResourceProvider {

    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 200;

    private final AuditEntries entries;
    private final AuditEventGate gate;
    private final AuditEventMapper mapper;
    private final AuditEventSearch search;

    AuditEventProvider(AuditEntries entries, AuditEventGate gate, Accounts accounts) {
        this.entries = entries;
        this.gate = gate;
        this.mapper = new AuditEventMapper(accounts::fhirUserOf);
        this.search = new AuditEventSearch(accounts::idsLinkedTo);
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return AuditEvent.class;
    }

    @Read(version = true)
    public AuditEvent read(@IdParam IdType id) {
        AuditEntries.Query query = gate.open("read");
        long sequence;
        try {
            sequence = Long.parseLong(id.getIdPart());
        } catch (NumberFormatException e) {
            throw new ResourceNotFoundException(id);
        }
        if (id.hasVersionIdPart() && !"1".equals(id.getVersionIdPart())) {
            throw new ResourceNotFoundException(id);
        }
        List<StoredEntry> found = query.where("sequence = ?", sequence).page(0, 1);
        if (found.isEmpty()) {
            throw new ResourceNotFoundException(id);
        }
        gate.looked("read", found.get(0).record().patientId(), 1);
        return mapper.map(found.get(0));
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        AuditEntries.Query query = gate.open("search");
        search.apply(request.getParameters(), query);
        int count = Math.min(wholeNumber(request, "_count", DEFAULT_COUNT), MAX_COUNT);
        int offset = wholeNumber(request, "_offset", 0);
        List<org.hl7.fhir.r4.model.Resource> page = query.page(offset, count).stream()
                .map(entry -> (org.hl7.fhir.r4.model.Resource) mapper.map(entry)).toList();
        long total = query.count();
        String[] patient = request.getParameters().get("patient");
        gate.looked("search", patient != null && patient.length == 1 ? patient[0].replace("Patient/", "") : null,
                page.size());
        return ExternalResourceProvider.page(new SearchPage(page, List.of(),
                java.util.Optional.of((int) Math.min(total, Integer.MAX_VALUE)), offset, count));
    }

    @Create
    public MethodOutcome create(@ResourceParam AuditEvent resource) {
        throw gate.refuseWrite("create");
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam AuditEvent resource,
            @ConditionalUrlParam String conditionalUrl) {
        throw gate.refuseWrite("update");
    }

    @Patch
    public MethodOutcome patch(@IdParam IdType id, PatchTypeEnum patchType, @ResourceParam String body) {
        throw gate.refuseWrite("patch");
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id, @ConditionalUrlParam String conditionalUrl) {
        throw gate.refuseWrite("delete");
    }

    @Override
    public CapabilityStatementRestResourceComponent capability() {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent();
        resource.setType("AuditEvent").setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION)
                .setReadHistory(false).setUpdateCreate(false).setConditionalCreate(false).setConditionalUpdate(false)
                .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED)
                .setDocumentation("The audit trail, read-only: written by Salus alone, newest first, "
                        + "paged with _count (at most " + MAX_COUNT + ") and _offset");
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        AuditEventSearch.PARAMS.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(param -> resource.addSearchParam().setName(param.getKey())
                        .setType(param.getKey().equals("date") ? Enumerations.SearchParamType.DATE
                                : List.of("agent", "who", "patient", "entity").contains(param.getKey())
                                        ? Enumerations.SearchParamType.REFERENCE : Enumerations.SearchParamType.TOKEN)
                        .setDocumentation(param.getValue()));
        return resource;
    }

    private static int wholeNumber(RequestDetails request, String name, int fallback) {
        String[] values = request.getParameters().get(name);
        if (values == null || values.length == 0) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values[0]);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(name + " is a whole number, 0 or more");
    }
}
