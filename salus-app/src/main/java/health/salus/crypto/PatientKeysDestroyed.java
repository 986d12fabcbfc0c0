package health.salus.crypto;

import java.time.Instant;

/**
 * A patient's data keys were destroyed (crypto-shredding). Carries the reason's length only: the
 * reason is free text and may itself identify someone.
 */
public record PatientKeysDestroyed(String erasureId, String patientId, String actorId, int reasonLength,
        int keysDestroyed, Instant at) {
}
