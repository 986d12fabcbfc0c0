package health.salus.fhir.validation;

import org.hl7.fhir.r4.model.Resource;

/** Checks a resource before it is stored; throws {@code UnprocessableEntityException} with the issues. */
public interface ResourceValidator {

    void validate(Resource resource);
}
