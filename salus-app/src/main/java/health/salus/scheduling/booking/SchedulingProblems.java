package health.salus.scheduling.booking;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.scheduling.availability.FreeSlot;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * problem+json for the scheduling API: a taken slot is 409 with alternatives to offer; the resource
 * store's refusals keep their status with a fixed message (never the store's text, which may name a
 * resource).
 */
@RestControllerAdvice(basePackages = "health.salus.scheduling")
class SchedulingProblems {

    @ExceptionHandler(SlotUnavailableException.class)
    ResponseEntity<ProblemDetail> taken(SlotUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Another booking took this time first; choose one of the alternatives");
        problem.setTitle("Slot unavailable");
        problem.setProperty("alternatives", e.alternatives().stream().map(SchedulingProblems::slot).toList());
        return respond(problem);
    }

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> store(BaseServerResponseException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        String detail;
        if (e instanceof ForbiddenOperationException) {
            detail = "The access policy does not allow this";
        } else if (e instanceof ResourceNotFoundException || e instanceof ResourceGoneException) {
            detail = "No such appointment";
        } else {
            detail = "The request could not be carried out";
        }
        return respond(ProblemDetail.forStatusAndDetail(status == null ? HttpStatus.BAD_REQUEST : status, detail));
    }

    static Map<String, Object> slot(FreeSlot slot) {
        return Map.of("practitioner", slot.practitionerId(), "location", slot.locationId(),
                "start", slot.start().toString(), "end", slot.end().toString());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
