package health.salus.crypto.keys;

import java.nio.charset.StandardCharsets;

/** Whose data a key protects: a patient compartment, or the organisation for everything else. */
public final class Owners {

    public static final String ORGANISATION = "organisation";

    private Owners() {
    }

    /** @param compartment the Patient id the store passes, or {@code null} */
    public static String of(String compartment) {
        return compartment == null ? ORGANISATION : "Patient/" + compartment;
    }

    /** Associated data of a body: a ciphertext copied to another owner's row does not open. */
    static byte[] bodyContext(String owner) {
        return owner.getBytes(StandardCharsets.UTF_8);
    }

    /** Associated data of a wrapped key: a wrapped key moved to another row does not unwrap. */
    static byte[] wrapContext(String owner, int version) {
        return ("salus-data-key|" + owner + "|" + version).getBytes(StandardCharsets.UTF_8);
    }
}
