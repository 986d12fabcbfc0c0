package health.salus.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import health.salus.fhir.validation.ProfileValidator;
import health.salus.fhir.validation.ResourceValidator;
import health.salus.fhir.validation.StructuralValidator;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FHIR context and the validator. {@link BodyCodec} and {@link IndexValueTransform} have no
 * defaults: the crypto module always provides them, so bodies and indexes never fall back to plaintext.
 */
@Configuration
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        // unknown elements and malformed values are errors, not silently dropped data
        context.setParserErrorHandler(new StrictErrorHandler());
        return context;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ResourceValidator resourceValidator(FhirContext fhirContext,
            @Value("${salus.fhir.validation:full}") String validation,
            @Value("${salus.fhir.validator-warm-up:false}") boolean warmUp) {
        return "structural".equals(validation) ? new StructuralValidator()
                : new ProfileValidator(fhirContext, warmUp);
    }
}
