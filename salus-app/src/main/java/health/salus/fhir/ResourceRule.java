package health.salus.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * A business rule another module asks the store to enforce on every create and update, beyond the
 * base R4 profiles (a checksum on an identifier, say). Rules are Spring beans; the store asks each one
 * before a write and refuses the write with 422 and an OperationOutcome listing every violation.
 * A rule must be pure and cheap: it runs inside the write, for every resource of every bundle.
 */
public interface ResourceRule {

    /** The problems with {@code resource}; empty when it passes or the rule does not concern its type. */
    List<Violation> check(Resource resource);

    /** What is wrong ({@code message}, no patient data) and where ({@code expression}, FHIRPath). */
    record Violation(String expression, String message) {
    }
}
