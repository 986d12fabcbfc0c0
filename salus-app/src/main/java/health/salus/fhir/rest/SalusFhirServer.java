package health.salus.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.interceptor.ResponseHighlighterInterceptor;
import java.util.List;

/** HAPI's REST plumbing at {@code /fhir}: parsing, content negotiation, bundles, OperationOutcomes. */
final class SalusFhirServer extends RestfulServer {

    private final transient List<IResourceProvider> resourceProviders;
    private final transient List<Object> plainProviders;
    private final transient Object capabilityProvider;

    SalusFhirServer(FhirContext fhirContext, List<IResourceProvider> resourceProviders, List<Object> plainProviders,
            Object capabilityProvider, int defaultPageSize) {
        super(fhirContext);
        this.resourceProviders = resourceProviders;
        this.plainProviders = plainProviders;
        this.capabilityProvider = capabilityProvider;
        setDefaultPageSize(defaultPageSize);
    }

    @Override
    protected void initialize() {
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setETagSupport(ETagSupportEnum.ENABLED);
        setResourceProviders(resourceProviders);
        setPlainProviders(plainProviders);
        setServerConformanceProvider(capabilityProvider);
        registerInterceptor(new SafeErrorInterceptor());
        registerInterceptor(new ResponseHighlighterInterceptor());
    }
}
