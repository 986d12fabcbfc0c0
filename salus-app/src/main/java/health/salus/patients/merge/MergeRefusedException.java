package health.salus.patients.merge;

import org.springframework.http.HttpStatus;

/**
 * A merge or unmerge that cannot be done as asked: 409 (the records' state forbids it) or 404. The
 * message is a fixed text with ids at most, never a name or identifier.
 */
public class MergeRefusedException extends RuntimeException {

    private final HttpStatus status;

    MergeRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    static MergeRefusedException conflict(String message) {
        return new MergeRefusedException(HttpStatus.CONFLICT, message);
    }
}
