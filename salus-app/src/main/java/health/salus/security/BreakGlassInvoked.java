package health.salus.security;

import java.time.Instant;

/** A clinician opened a record outside their care relationships; privacy officers are alerted. */
public record BreakGlassInvoked(String grantId, String accountId, String patientId, Instant expiresAt,
        RequestOrigin origin) {
}
