package health.salus.platform.web;

import health.salus.platform.InvalidFieldsException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 400 problem+json listing every invalid field, so a form can mark them all at once. */
@RestControllerAdvice
class InvalidFieldsAdvice {

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFieldsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields need correcting; see errors");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message()))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
