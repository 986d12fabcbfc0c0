package health.salus.patients.mpi.web;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The store's refusals on the index's routes as problem+json: 403 from the policy, 404 or 410 for a
 * patient that is gone, 400 for a search the store cannot answer. Fixed texts: a store message may
 * name an id or a search value.
 */
@RestControllerAdvice(assignableTypes = {PatientSearchController.class, DuplicateReviewController.class})
class StoreRefusalAdvice {

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> refused(BaseServerResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        if (status == null || status.is5xxServerError()) {
            throw e;
        }
        String detail = switch (status) {
            case FORBIDDEN -> "The access policy does not let you see this patient";
            case NOT_FOUND, GONE -> "No such patient";
            case BAD_REQUEST -> "The search cannot be answered as asked";
            default -> "The request could not be completed";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
