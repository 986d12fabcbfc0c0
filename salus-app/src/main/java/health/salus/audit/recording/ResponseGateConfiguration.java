package health.salus.audit.recording;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class ResponseGateConfiguration {

    /** Right after the request id, outside everything that may write the answer. */
    @Bean
    FilterRegistrationBean<ResponseGateFilter> fhirResponseGate(
            @Value("${salus.audit.writer.timeout:10s}") Duration timeout) {
        FilterRegistrationBean<ResponseGateFilter> registration = new FilterRegistrationBean<>(
                new ResponseGateFilter(timeout), new ServletRegistrationBean<?>[0]);
        registration.addUrlPatterns("/fhir/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
