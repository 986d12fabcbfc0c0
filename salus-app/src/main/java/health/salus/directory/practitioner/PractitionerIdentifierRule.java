package health.salus.directory.practitioner;

import health.salus.directory.DeaNumber;
import health.salus.directory.NationalProviderIdentifier;
import health.salus.fhir.ResourceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A Practitioner's NPI and DEA numbers must be well formed: claims and prescriptions carrying a
 * mistyped one are rejected far downstream, long after anyone remembers the typo.
 */
@Component
class PractitionerIdentifierRule implements ResourceRule {

    @Override
    public List<Violation> check(Resource resource) {
        if (!(resource instanceof Practitioner practitioner)) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<Identifier> identifiers = practitioner.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier identifier = identifiers.get(i);
            String where = "Practitioner.identifier[" + i + "].value";
            if (NationalProviderIdentifier.SYSTEM.equals(identifier.getSystem())
                    && !NationalProviderIdentifier.isValid(identifier.getValue())) {
                violations.add(new Violation(where, "The NPI (" + NationalProviderIdentifier.SYSTEM
                        + ") is not ten digits ending in its check digit"));
            } else if (DeaNumber.isSystem(identifier.getSystem())) {
                DeaNumber.validate(identifier.getValue(), lastName(practitioner))
                        .ifPresent(reason -> violations.add(new Violation(where, reason)));
            }
        }
        return violations;
    }

    /** The official name's family, else the first name's: the one a DEA registration is issued under. */
    private static Optional<String> lastName(Practitioner practitioner) {
        return practitioner.getName().stream()
                .sorted((a, b) -> Boolean.compare(b.getUse() == HumanName.NameUse.OFFICIAL,
                        a.getUse() == HumanName.NameUse.OFFICIAL))
                .map(HumanName::getFamily).filter(family -> family != null && !family.isBlank()).findFirst();
    }
}
