package health.salus.patients.eligibility;

import health.salus.fhir.ResourceStore;
import health.salus.patients.coverage.CoverageSystems;
import health.salus.patients.coverage.Payer;
import health.salus.patients.coverage.PayerDirectory;
import health.salus.patients.eligibility.x12.EligibilityInquiry;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads who an inquiry is about from the store, following the {@link CoverageSystems} contract: the
 * member id, the subscriber (the patient, or the RelatedPerson holding the policy) and the payer.
 */
@Component
class InsuredParties {

    /** The coverage cannot be checked as recorded; {@code code} says why, without patient data. */
    static final class UncheckableCoverageException extends RuntimeException {
        private final String code;

        UncheckableCoverageException(String code) {
            super("The coverage cannot be checked: " + code);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The parties of one coverage, read for one inquiry. */
    record Parties(Coverage coverage, Payer payer, Reference insurer, String memberId,
            EligibilityInquiry.Member subscriber, Optional<EligibilityInquiry.Member> dependent) {
    }

    private final ResourceStore store;
    private final PayerDirectory payers;

    InsuredParties(ResourceStore store, PayerDirectory payers) {
        this.store = store;
        this.payers = payers;
    }

    Parties read(String coverageId) {
        Coverage coverage = (Coverage) store.read("Coverage", coverageId);
        String memberId = memberId(coverage).orElseThrow(() -> new UncheckableCoverageException("NO-MEMBER-ID"));
        Reference payor = coverage.getPayor().stream().findFirst()
                .orElseThrow(() -> new UncheckableCoverageException("NO-PAYER"));
        Payer payer = payer(payor).orElseThrow(() -> new UncheckableCoverageException("PAYER-UNKNOWN"));
        Patient patient = (Patient) store.read("Patient", coverage.getBeneficiary().getReferenceElement().getIdPart());
        EligibilityInquiry.Member beneficiary = member(patient.getName(), patient.getBirthDateElement(), patient.getGender());
        Reference insurer = payor.hasReference() ? new Reference(payor.getReference()) : new Reference()
                .setIdentifier(payor.getIdentifier()).setDisplay(payer.name());
        if (patientIsSubscriber(coverage)) {
            return new Parties(coverage, payer, insurer, memberId, beneficiary, Optional.empty());
        }
        Resource holder = store.read(coverage.getSubscriber().getReferenceElement().getResourceType(),
                coverage.getSubscriber().getReferenceElement().getIdPart());
        EligibilityInquiry.Member subscriber = holder instanceof RelatedPerson person
                ? member(person.getName(), person.getBirthDateElement(), person.getGender())
                : holder instanceof Patient other ? member(other.getName(), other.getBirthDateElement(), other.getGender())
                : null;
        if (subscriber == null) {
            throw new UncheckableCoverageException("SUBSCRIBER-UNREADABLE");
        }
        return new Parties(coverage, payer, insurer, memberId, subscriber, Optional.of(beneficiary));
    }

    private static boolean patientIsSubscriber(Coverage coverage) {
        boolean self = coverage.getRelationship().getCoding().stream().anyMatch(c -> "self".equals(c.getCode()));
        String subscriber = coverage.getSubscriber().getReference();
        return self || subscriber == null || subscriber.equals(coverage.getBeneficiary().getReference());
    }

    private static Optional<String> memberId(Coverage coverage) {
        if (coverage.hasSubscriberId()) {
            return Optional.of(coverage.getSubscriberId());
        }
        return coverage.getIdentifier().stream()
                .filter(i -> CoverageSystems.MEMBER_ID.equals(i.getSystem())
                        || i.getType().getCoding().stream().anyMatch(c -> "MB".equals(c.getCode())))
                .map(Identifier::getValue).filter(v -> v != null && !v.isBlank()).findFirst();
    }

    private Optional<Payer> payer(Reference payor) {
        List<Identifier> identifiers = payor.hasIdentifier() ? List.of(payor.getIdentifier())
                : "Organization".equals(payor.getReferenceElement().getResourceType())
                ? ((Organization) store.read("Organization", payor.getReferenceElement().getIdPart())).getIdentifier()
                : List.of();
        return identifiers.stream().filter(i -> CoverageSystems.PAYER.equals(i.getSystem()))
                .map(Identifier::getValue).map(this::byIdOrX12Id).flatMap(Optional::stream).findFirst();
    }

    private Optional<Payer> byIdOrX12Id(String value) {
        return payers.find(value).or(() -> payers.all().stream().filter(p -> p.x12PayerId().equals(value)).findFirst());
    }

    private static EligibilityInquiry.Member member(List<HumanName> names, DateType birthDate,
            AdministrativeGender gender) {
        HumanName name = names.stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(names.isEmpty() ? new HumanName() : names.get(0));
        // a partial birth date (year only) cannot go in DMG-02, which wants a full CCYYMMDD
        Optional<LocalDate> born = Optional.ofNullable(birthDate.getValueAsString()).filter(v -> v.length() == 10)
                .map(LocalDate::parse);
        String x12Gender = gender == AdministrativeGender.FEMALE ? "F" : gender == AdministrativeGender.MALE ? "M" : "U";
        return new EligibilityInquiry.Member(name.getFamily(), name.getGivenAsSingleString(), born, x12Gender);
    }
}
