package health.salus.audit.monitoring;

import java.time.Duration;

/**
 * What a monitor saw: the rule, the subject it is about (an account, a client address, an account and a
 * patient…) which together with the rule keys de-duplication, the ids to store, and the window within
 * which a repeat is the same alert. {@code detail} holds ids and numbers only.
 */
record AlertCandidate(AlertRule rule, String subject, String actorId, String patientId, String detail,
        long entrySequence, Duration window) {
}
