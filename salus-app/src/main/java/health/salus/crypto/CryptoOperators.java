package health.salus.crypto;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking for a key operation, and which duties their roles carry. The security module
 * provides it (it owns roles and the access policy); crypto asks rather than depending on security,
 * so security may in turn use crypto's cipher for its own secrets.
 */
public interface CryptoOperators {

    /** The signed-in caller, if any. */
    Optional<Operator> current();

    enum Duty {
        /** start key rotations and read their progress */
        ROTATE_KEYS,
        /** destroy a patient's keys (crypto-shredding) */
        ERASE_PATIENT_DATA
    }

    record Operator(String id, Set<Duty> duties) {

        public Operator {
            duties = Set.copyOf(duties);
        }

        public boolean may(Duty duty) {
            return duties.contains(duty);
        }
    }
}
