package health.salus.patients.coverage;

/**
 * How a registration records insurance in FHIR, so that eligibility can read what registration
 * wrote. The contract:
 * <ul>
 * <li>{@code Coverage.subscriberId} is the member id printed on the card (also {@code Coverage.identifier}
 * with system {@link #MEMBER_ID}, type MB);</li>
 * <li>{@code Coverage.beneficiary} is the Patient; {@code Coverage.relationship} is {@code self} when the
 * patient holds the policy, and otherwise {@code Coverage.subscriber} references the Patient or
 * RelatedPerson who does (name, birth date and gender are read from it);</li>
 * <li>{@code Coverage.payor[0]} references an Organization whose identifier with system {@link #PAYER}
 * holds the {@link Payer#id()} from the {@link PayerDirectory} (a logical reference with that identifier
 * is accepted too).</li>
 * </ul>
 */
public final class CoverageSystems {

    /** Organization.identifier system of a payer: the value is our {@link Payer#id()}. */
    public static final String PAYER = "https://salus.health/fhir/sid/payer";
    /** Coverage.identifier system of the member id (also in Coverage.subscriberId). */
    public static final String MEMBER_ID = "https://salus.health/fhir/sid/member-id";

    private CoverageSystems() {
    }
}
