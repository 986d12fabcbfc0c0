package health.salus.patients.eligibility;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.platform.Problems;
import org.springframework.http.HttpStatus;
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
        return Problems.storeRefusal(e, "patient");
    }

    @ExceptionHandler(InsuredParties.UncheckableCoverageException.class)
    ResponseEntity<ProblemDetail> uncheckable(InsuredParties.UncheckableCoverageException e) {
        ResponseEntity<ProblemDetail> response = Problems.respond(HttpStatus.CONFLICT,
                "The patient's coverage lacks what a payer needs to check it");
        response.getBody().setProperty("code", e.code());
        return response;
    }
}
