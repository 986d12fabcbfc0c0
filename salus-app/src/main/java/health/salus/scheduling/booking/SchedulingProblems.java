package health.salus.scheduling.booking;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.platform.Problems;
import health.salus.scheduling.availability.FreeSlot;
import java.util.Map;
import org.springframework.http.HttpStatus;
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
        return Problems.respond(problem);
    }

    @ExceptionHandler(BaseServerResponseException.class)
    ResponseEntity<ProblemDetail> store(BaseServerResponseException e) {
        return Problems.storeRefusal(e, "appointment");
    }

    static Map<String, Object> slot(FreeSlot slot) {
        return Map.of("practitioner", slot.practitionerId(), "location", slot.locationId(),
                "start", slot.start().toString(), "end", slot.end().toString());
    }
}
