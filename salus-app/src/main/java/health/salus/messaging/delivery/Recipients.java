package health.salus.messaging.delivery;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.SystemAccess;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Where and how to reach a patient, read from their Patient resource at the moment of delivery (so a
 * changed address counts, and none is ever copied into messaging's tables), through the store as
 * Salus itself for the purpose "notification delivery", which the audit trail records.
 */
@Component
public class Recipients {

    static final String PURPOSE = "notification delivery";

    private final ResourceStore store;
    private final SystemAccess system;

    Recipients(ResourceStore store, SystemAccess system) {
        this.store = store;
        this.system = system;
    }

    /** What delivery needs of the patient; the given name is the most a message may call them. */
    public record Recipient(String patientId, Optional<String> email, Optional<String> mobile,
            Optional<String> language, Optional<String> givenName) {
    }

    public Optional<Recipient> find(String patientId) {
        return system.call(PURPOSE, () -> {
            try {
                return Optional.of(recipient(patientId, (Patient) store.read("Patient", patientId)));
            } catch (BaseServerResponseException notThere) {
                // gone, erased or never existed: nothing to deliver to
                return Optional.<Recipient>empty();
            }
        });
    }

    /** The patient whose phone is this number (through the hashed phone index), when exactly one is. */
    public Optional<String> patientWithPhone(String number) {
        return system.call("inbound message routing", () -> {
            List<Resource> matches = store.search(new SearchRequest("Patient",
                    Map.of("phone", List.of(number), "_count", List.of("2")))).matches();
            return matches.size() == 1 ? Optional.of(matches.get(0).getIdElement().getIdPart())
                    : Optional.<String>empty();
        });
    }

    /** The patients whose email is this address (through the hashed email index), for password resets. */
    public List<String> patientsWithEmail(String email) {
        return system.call("password reset", () -> store.search(new SearchRequest("Patient",
                Map.of("email", List.of(email), "_count", List.of("10")))).matches().stream()
                .map(match -> match.getIdElement().getIdPart()).toList());
    }

    private static Recipient recipient(String patientId, Patient patient) {
        Optional<String> email = patient.getTelecom().stream()
                .filter(t -> t.getSystem() == ContactPointSystem.EMAIL && t.hasValue())
                .min(Comparator.comparing(ContactPoint::getRank)).map(ContactPoint::getValue);
        // a text goes to a mobile: an explicit SMS point first, then a phone marked mobile, then any phone
        Optional<String> mobile = patient.getTelecom().stream()
                .filter(t -> t.hasValue() && (t.getSystem() == ContactPointSystem.SMS
                        || t.getSystem() == ContactPointSystem.PHONE))
                .filter(t -> t.getUse() != ContactPointUse.OLD)
                .min(Comparator.comparingInt(Recipients::textability)).map(ContactPoint::getValue)
                .map(Recipients::e164);
        Optional<String> language = patient.getCommunication().stream()
                .sorted(Comparator.comparing(c -> !c.getPreferred()))
                .map(c -> c.getLanguage().getCodingFirstRep().getCode())
                .filter(code -> code != null && !code.isBlank()).findFirst();
        Optional<String> givenName = patient.getName().stream().flatMap(n -> n.getGiven().stream())
                .map(g -> g.getValue()).filter(g -> g != null && !g.isBlank()).findFirst();
        return new Recipient(patientId, email, mobile, language, givenName);
    }

    private static int textability(ContactPoint point) {
        if (point.getSystem() == ContactPointSystem.SMS) {
            return 0;
        }
        return point.getUse() == ContactPointUse.MOBILE ? 1 : 2;
    }

    /** Digits with a leading +; a ten-digit North American number gets its +1. */
    static String e164(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (phone.strip().startsWith("+")) {
            return "+" + digits;
        }
        return digits.length() == 10 ? "+1" + digits : "+" + digits;
    }
}
