package health.salus.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Break-glass for the signed-in clinician: time-boxed access to one patient's record outside their
 * care relationships, with a stated reason. The REST route and the chart's dialog both come here, so
 * the rules (which roles, how long a reason, how long a grant) are written once. Invoking it is
 * audited and alerts privacy officers ({@link BreakGlassInvoked}).
 */
public interface BreakGlass {

    int MIN_REASON = 10;
    int MAX_REASON = 1000;
    Duration DEFAULT_DURATION = Duration.ofMinutes(60);
    Duration MAX_DURATION = Duration.ofHours(4);

    /** Whether the signed-in user's roles may use break-glass at all (the policy file says which do). */
    boolean available();

    /**
     * Opens {@code patientId}'s record to the signed-in user for {@code duration} (the default when
     * empty). Throws {@link BreakGlassRefusedException} when their role may not, and
     * {@code platform.InvalidFieldsException} (fields {@code patient}, {@code reason}, {@code minutes})
     * for a missing patient id, a reason shorter than {@value #MIN_REASON} or longer than
     * {@value #MAX_REASON} characters, or a duration outside one minute to four hours.
     */
    BreakGlassInvoked invoke(String patientId, String reason, Optional<Duration> duration);

    /** Until when the signed-in user holds an unexpired break-glass grant for this patient, if they do. */
    Optional<Instant> activeUntil(String patientId);

    /** The signed-in user's role may not use break-glass: 403. */
    class BreakGlassRefusedException extends RuntimeException {
        public BreakGlassRefusedException() {
            super("Your role may not use break-glass");
        }
    }
}
