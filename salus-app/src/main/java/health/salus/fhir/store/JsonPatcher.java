package health.salus.fhir.store;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/** Applies an RFC 6902 JSON Patch to a resource's JSON form. */
@Component
class JsonPatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final FhirContext fhirContext;

    JsonPatcher(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    Resource apply(Resource current, String patchDocument) {
        JsonNode patch;
        try {
            patch = MAPPER.readTree(patchDocument);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("The JSON Patch document is not valid JSON");
        }
        if (patch == null || !patch.isArray()) {
            throw new InvalidRequestException("A JSON Patch document is an array of operations");
        }
        try {
            JsonNode target = MAPPER.readTree(fhirContext.newJsonParser().encodeResourceToString(current));
            JsonNode patched = JsonPatch.apply(patch, target);
            return (Resource) fhirContext.newJsonParser().parseResource(MAPPER.writeValueAsString(patched));
        } catch (JsonPatchApplicationException e) {
            // the library's message can quote field values, which may identify a patient
            throw new UnprocessableEntityException("The patch cannot be applied: a path or test does not match");
        } catch (JsonProcessingException | DataFormatException | IllegalArgumentException e) {
            throw new UnprocessableEntityException("The patched resource is not valid FHIR");
        }
    }
}
