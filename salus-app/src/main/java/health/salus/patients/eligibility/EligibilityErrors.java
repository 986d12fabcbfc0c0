package health.salus.patients.eligibility;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The store's refusals as problem+json on the eligibility routes, with messages of our own: the
 * store's could name a resource the caller may not know exists.
 */
@RestControllerAdvice(assignableTypes = EligibilityController.class)
class EligibilityErrors {

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> refused(BaseServerResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        status = status == null || status.is5xxServerError() ? HttpStatus.SERVICE_UNAVAILABLE : status;
        String detail = switch (status) {
            case FORBIDDEN, UNAUTHORIZED -> "Your access does not allow this";
            case NOT_FOUND, GONE -> "No such patient";
            default -> "The request cannot be processed";
        };
        return problem(status, detail);
    }

    @ExceptionHandler(InsuredParties.UncheckableCoverageException.class)
    ResponseEntity<ProblemDetail> uncheckable(InsuredParties.UncheckableCoverageException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONFLICT,
                "The patient's coverage lacks what a payer needs to check it");
        response.getBody().setProperty("code", e.code());
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
