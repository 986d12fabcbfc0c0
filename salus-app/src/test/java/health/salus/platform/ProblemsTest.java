package health.salus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemsTest {

    private static final String STORE_TEXT = "Patient/secret-42 (Doe) is not reachable";

    private static ProblemDetail refusal(BaseServerResponseException e) {
        ResponseEntity<ProblemDetail> response = Problems.storeRefusal(e, "appointment");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getStatus()).isEqualTo(response.getStatusCode().value());
        assertThat(response.getBody().getDetail()).doesNotContain("secret-42").doesNotContain("Doe");
        return response.getBody();
    }

    @Test
    void thePolicysRefusalIsForbiddenWithAFixedText() {
        assertThat(refusal(new ForbiddenOperationException(STORE_TEXT)).getStatus()).isEqualTo(403);
    }

    @Test
    void aMissingOrDeletedRecordNamesOnlyWhatIsMissing() {
        assertThat(refusal(new ResourceNotFoundException(STORE_TEXT))).satisfies(p -> {
            assertThat(p.getStatus()).isEqualTo(404);
            assertThat(p.getDetail()).isEqualTo("No such appointment");
        });
        assertThat(refusal(new ResourceGoneException(STORE_TEXT)).getStatus()).isEqualTo(410);
    }

    @Test
    void aRecordChangedMeanwhileIsAConflict() {
        assertThat(refusal(new PreconditionFailedException(STORE_TEXT)).getStatus()).isEqualTo(409);
    }

    @Test
    void aStoreFailureIsUnavailableNotAServerError() {
        assertThat(refusal(new InternalErrorException(STORE_TEXT)).getStatus()).isEqualTo(503);
    }

    @Test
    void otherRefusalsKeepTheirStatus() {
        assertThat(refusal(new InvalidRequestException(STORE_TEXT)).getStatus()).isEqualTo(400);
    }
}
