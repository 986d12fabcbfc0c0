package health.salus.security.policy;

import health.salus.crypto.CryptoOperators;
import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Tells the crypto module which key duties the caller's roles carry: administrators rotate keys;
 * privacy officers and administrators may erase a patient's data.
 */
@Component
class SubjectCryptoOperators implements CryptoOperators {

    private final CurrentSubject currentSubject;

    SubjectCryptoOperators(CurrentSubject currentSubject) {
        this.currentSubject = currentSubject;
    }

    @Override
    public Optional<Operator> current() {
        return currentSubject.current().map(subject -> new Operator(subject.id(), duties(subject)));
    }

    private static Set<Duty> duties(Subject subject) {
        Set<Duty> duties = EnumSet.noneOf(Duty.class);
        if (subject.hasRole(Role.ADMINISTRATOR)) {
            duties.add(Duty.ROTATE_KEYS);
            duties.add(Duty.ERASE_PATIENT_DATA);
        }
        if (subject.hasRole(Role.PRIVACY_OFFICER)) {
            duties.add(Duty.ERASE_PATIENT_DATA);
        }
        return duties;
    }
}
