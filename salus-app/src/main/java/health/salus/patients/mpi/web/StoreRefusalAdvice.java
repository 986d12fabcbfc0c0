package health.salus.patients.mpi.web;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.platform.Problems;
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
        return Problems.storeRefusal(e, "patient");
    }
}
