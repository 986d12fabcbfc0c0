package health.salus.fhir.rest;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import health.salus.fhir.IndexValueTransform;
import health.salus.fhir.ExternalResourceProvider;
import health.salus.fhir.search.IndexedParam;
import health.salus.fhir.search.SearchParamRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * The CapabilityStatement, built from what the store really indexes: every parameter listed here
 * can be searched; composite parameters, {@code _has}, {@code _text} and {@code _content} are absent
 * because they are not supported yet. Parameters that identify people say in their documentation
 * which searches their keyed index answers.
 */
public final class CapabilityProvider {

    /** What a client may do with a parameter whose values are indexed only as keyed hashes. */
    static final String KEYED_NOTE = " [Identifying: indexed only as keyed hashes. Default (starts-with) and "
            + ":exact searches and :missing work; :contains, :text and _sort are refused with 400.]";

    private final SearchParamRegistry registry;
    private final IndexValueTransform indexValues;
    private final Map<String, ExternalResourceProvider> external;
    private final CapabilityStatement statement;

    CapabilityProvider(SearchParamRegistry registry, IndexValueTransform indexValues,
            Map<String, ExternalResourceProvider> external) {
        this.registry = registry;
        this.indexValues = indexValues;
        this.external = Map.copyOf(external);
        this.statement = build();
    }

    /** HAPI hands its server to conformance providers; this one needs nothing from it. */
    public void setRestfulServer(ca.uhn.fhir.rest.server.RestfulServer server) {
        // built from the registry alone
    }

    @Metadata
    public CapabilityStatement getServerConformance(HttpServletRequest servletRequest, RequestDetails request) {
        CapabilityStatement copy = statement.copy();
        copy.getImplementation().setUrl(request.getFhirServerBase());
        declareSmartSecurity(copy, request.getFhirServerBase());
        return copy;
    }

    /** SMART App Launch: the server takes OAuth2 bearer tokens from these endpoints (relative to /fhir). */
    private static void declareSmartSecurity(CapabilityStatement statement, String fhirBase) {
        String origin = fhirBase.endsWith("/fhir") ? fhirBase.substring(0, fhirBase.length() - 5) : fhirBase;
        CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep()
                .getSecurity().setCors(false)
                .setDescription("OAuth2 bearer tokens (SMART App Launch); see /.well-known/smart-configuration");
        security.addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("SMART-on-FHIR");
        org.hl7.fhir.r4.model.Extension uris = security.addExtension()
                .setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        uris.addExtension("authorize", new org.hl7.fhir.r4.model.UriType(origin + "/oauth2/authorize"));
        uris.addExtension("token", new org.hl7.fhir.r4.model.UriType(origin + "/oauth2/token"));
        uris.addExtension("revoke", new org.hl7.fhir.r4.model.UriType(origin + "/oauth2/revoke"));
    }

    private CapabilityStatement build() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE).setDate(new Date())
                .setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE)
                .setFhirVersion(Enumerations.FHIRVersion._4_0_1).setPublisher("Salus");
        cs.getSoftware().setName("Salus").setVersion("0.1.0");
        cs.getImplementation().setDescription("Salus FHIR R4 resource store");
        cs.addFormat("application/fhir+json").addFormat("application/fhir+xml").addFormat("json").addFormat("xml");
        cs.addPatchFormat("application/json-patch+json");
        CapabilityStatement.CapabilityStatementRestComponent rest = cs.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.HISTORYSYSTEM);
        for (String type : registry.resourceTypes()) {
            // a type served by another module says itself what it answers
            rest.addResource(external.containsKey(type) ? external.get(type).capability().setType(type)
                    : resource(type));
        }
        return cs;
    }

    private CapabilityStatementRestResourceComponent resource(String type) {
        CapabilityStatementRestResourceComponent resource = new CapabilityStatementRestResourceComponent();
        resource.setType(type).setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE)
                .setReadHistory(true).setUpdateCreate(true).setConditionalCreate(true)
                .setConditionalUpdate(true)
                .setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.SINGLE);
        for (TypeRestfulInteraction interaction : new TypeRestfulInteraction[] {TypeRestfulInteraction.READ,
            TypeRestfulInteraction.VREAD, TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.PATCH,
            TypeRestfulInteraction.DELETE, TypeRestfulInteraction.HISTORYINSTANCE,
            TypeRestfulInteraction.HISTORYTYPE, TypeRestfulInteraction.CREATE, TypeRestfulInteraction.SEARCHTYPE}) {
            resource.addInteraction().setCode(interaction);
        }
        resource.addSearchInclude("*");
        resource.addSearchRevInclude("*");
        resource.addSearchParam().setName("_id").setType(Enumerations.SearchParamType.TOKEN);
        resource.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE);
        for (IndexedParam param : registry.params(type)) {
            resource.addSearchInclude(param.kind() == ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum.REFERENCE
                    ? type + ":" + param.name() : null);
            resource.addSearchParam().setName(param.name())
                    .setType(Enumerations.SearchParamType.fromCode(param.kind().getCode()))
                    .setDocumentation(indexValues.isIdentifying(type, param.name())
                            ? param.description() + KEYED_NOTE : param.description());
        }
        resource.getSearchInclude().removeIf(include -> include.getValue() == null);
        if (type.equals("Patient")) {
            resource.addOperation().setName("everything")
                    .setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
        }
        resource.addOperation().setName("validate")
                .setDefinition("http://hl7.org/fhir/OperationDefinition/Resource-validate");
        return resource;
    }
}
