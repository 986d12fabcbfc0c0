package health.salus.fhir.rest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import health.salus.fhir.IndexValueTransform;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.search.SearchParamRegistry;
import health.salus.fhir.validation.ResourceValidator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the FHIR REST API at {@code /fhir} with one provider per resource type. */
@Configuration
class FhirRestConfiguration {

    @Bean
    ServletRegistrationBean<SalusFhirServer> fhirServlet(FhirContext fhirContext, ResourceStore store,
            ResourceValidator validator, SearchParamRegistry registry, IndexValueTransform indexValues,
            @Value("${salus.fhir.default-page-size:20}") int defaultPageSize) {
        List<IResourceProvider> providers = registry.resourceTypes().stream()
                .map(type -> (IResourceProvider) new ResourceTypeProvider(
                        fhirContext.getResourceDefinition(type).getImplementingClass(), type, store, validator))
                .toList();
        SalusFhirServer server = new SalusFhirServer(fhirContext, providers, List.of(new SystemProvider(store)),
                new CapabilityProvider(registry, indexValues), defaultPageSize);
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
