package health.salus.fhir.validation;

import org.hl7.fhir.r4.model.Resource;

/**
 * Accepts whatever the strict parser accepted (known elements, right data types). Used for bulk
 * loads of trusted data where profile validation would dominate the cost.
 */
public class StructuralValidator implements ResourceValidator {

    @Override
    public void validate(Resource resource) {
        // the parser's strict error handler has already rejected unknown elements and bad values
    }
}
