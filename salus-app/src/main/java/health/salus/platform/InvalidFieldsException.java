package health.salus.platform;

import java.util.List;

/**
 * A request with fields that cannot be accepted: 400 problem+json with one {@code errors} entry per
 * field ({@code field}, {@code message}), which the UI shows beside each field. Messages are fixed
 * texts that never echo the submitted value (it may be a name or a phone number).
 */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldsException(List<FieldProblem> problems) {
        super("Invalid fields: " + problems.stream().map(FieldProblem::field).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** {@code field} is a JSON path into the request ({@code telecom[0].value}, {@code birthDate}). */
    public record FieldProblem(String field, String message) {
    }
}
