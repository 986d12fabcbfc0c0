package health.salus.security;

import java.time.Instant;

/**
 * A patient's pending portal account and the one-time token that lets them set its password. The
 * token exists only here and in the link sent to the patient; the database keeps its hash. The
 * username is generated, so it says nothing about the patient (see ADR 0011).
 */
public record PatientInvitation(String accountId, String username, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PatientInvitation[" + accountId + "]";
    }
}
