package health.salus.platform;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem+json answers for the REST routes outside FHIR, and the one mapping of the resource
 * store's refusals onto them. The store's own messages are never passed on: they can name a resource or
 * a search value the caller may not know exists.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> respond(HttpStatus status, String detail) {
        return respond(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * A store refusal with a fixed text: 403 when the access policy says no, 404/410 naming only what is
     * missing ({@code missing}: "patient", "appointment"), 409 when the record changed meanwhile, 503 when
     * the store itself failed; other refusals keep their status.
     */
    public static ResponseEntity<ProblemDetail> storeRefusal(BaseServerResponseException e, String missing) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode());
        if (status == null || status.is5xxServerError()) {
            return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                    "The records cannot be reached just now; try again shortly"));
        }
        return respond(switch (status) {
            case FORBIDDEN, UNAUTHORIZED -> problem(HttpStatus.FORBIDDEN, "Forbidden", "The access policy does not allow this");
            case NOT_FOUND, GONE -> problem(status, "Not found", "No such " + missing);
            case CONFLICT, PRECONDITION_FAILED -> problem(HttpStatus.CONFLICT, "Conflict",
                    "The record is not in a state that allows this (it may have just changed); reload it and try again");
            default -> problem(status, "Not carried out", "The request cannot be carried out as asked");
        });
    }
}
