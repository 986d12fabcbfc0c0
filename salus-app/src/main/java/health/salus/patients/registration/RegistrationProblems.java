package health.salus.patients.registration;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Registration's answers as problem+json: a certain duplicate (409, the existing id and MRN only), the
 * access policy's refusal (403), an unknown patient (404), an unreadable body (400). Details are fixed
 * texts; the store's own messages are not passed on.
 */
@RestControllerAdvice(assignableTypes = RegistrationController.class)
class RegistrationProblems {

    @ExceptionHandler(DuplicatePatientException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicatePatientException e) {
        ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "Already registered",
                "This patient is already registered; open the existing record instead");
        problem.setProperty("existingPatientId", e.existingPatientId());
        problem.setProperty("existingMrn", e.existingMrn());
        return Problems.respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not a registration"));
    }

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> store(BaseServerResponseException e) {
        return Problems.storeRefusal(e, "patient");
    }


}
