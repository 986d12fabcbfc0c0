package health.salus.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import health.salus.fhir.IndexValueTransform;
import health.salus.fhir.ExternalResourceProvider;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.search.SearchParamRegistry;
import health.salus.fhir.validation.ResourceValidator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts the FHIR REST API at {@code /fhir} with one provider per resource type: the store's generic
 * one, or another module's {@link ExternalResourceProvider} for the types it serves itself.
 */
@Configuration
class FhirRestConfiguration {

    @Bean
    ServletRegistrationBean<SalusFhirServer> fhirServlet(FhirContext fhirContext, ResourceStore store,
            ResourceValidator validator, SearchParamRegistry registry, IndexValueTransform indexValues,
            ObjectProvider<ExternalResourceProvider> externalProviders,
            @Value("${salus.fhir.default-page-size:20}") int defaultPageSize) {
        Map<String, ExternalResourceProvider> external = new HashMap<>();
        externalProviders.orderedStream().forEach(provider -> external.put(
                fhirContext.getResourceType(provider.getResourceType()), provider));
        List<IResourceProvider> providers = registry.resourceTypes().stream()
                .map(type -> external.containsKey(type) ? (IResourceProvider) external.get(type)
                        : new ResourceTypeProvider(fhirContext.getResourceDefinition(type).getImplementingClass(), type,
                                store, validator))
                .toList();
        SalusFhirServer server = new SalusFhirServer(fhirContext, providers, List.of(new SystemProvider(store)),
                new CapabilityProvider(registry, indexValues, external), defaultPageSize);
        ServletRegistrationBean<SalusFhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> fhirRequestSizeFilter(
            @Value("${salus.fhir.max-request-bytes:10485760}") long maxBytes) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(maxBytes), new ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns("/fhir/*");
        return registration;
    }
}
