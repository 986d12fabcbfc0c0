package health.salus.patients.registration;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Already registered",
                "This patient is already registered; open the existing record instead");
        problem.setProperty("existingPatientId", e.existingPatientId());
        problem.setProperty("existingMrn", e.existingMrn());
        return respond(problem);
    }

    @ExceptionHandler(ForbiddenOperationException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenOperationException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "Forbidden", "The access policy does not allow this"));
    }

    @ExceptionHandler({ResourceNotFoundException.class, ResourceGoneException.class})
    ResponseEntity<ProblemDetail> notFound(BaseServerResponseException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", "No such patient"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request body is not a registration"));
    }

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> store(BaseServerResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        HttpStatus answer = status == null || status.is5xxServerError() ? HttpStatus.SERVICE_UNAVAILABLE : status;
        return respond(problem(answer, "Not registered", "The registration could not be stored"));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
