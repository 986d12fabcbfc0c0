package health.salus.fhir.validation;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import health.salus.fhir.ResourceRule;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every {@link ResourceRule} bean about a resource about to be written. */
@Component
public class ResourceRules {

    private final List<ResourceRule> rules;

    ResourceRules(ObjectProvider<ResourceRule> rules) {
        this.rules = rules.orderedStream().toList();
    }

    /** Throws {@code UnprocessableEntityException} (422) naming every violation. */
    public void enforce(Resource resource) {
        List<ResourceRule.Violation> violations = rules.stream().flatMap(rule -> rule.check(resource).stream())
                .toList();
        if (violations.isEmpty()) {
            return;
        }
        OperationOutcome outcome = new OperationOutcome();
        for (ResourceRule.Violation violation : violations) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                    .setDiagnostics(violation.message())
                    .addExpression(violation.expression());
        }
        throw new UnprocessableEntityException(outcome);
    }
}
