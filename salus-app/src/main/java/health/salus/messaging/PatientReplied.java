package health.salus.messaging;

/**
 * A patient answered a text message (e.g. "C" to confirm an appointment, "X" to cancel). Ids and the
 * recognised intent only: the reply's own words may say anything and never enter the plaintext outbox.
 * {@code notificationId} is the patient's most recent text message, the one a reply answers.
 */
public record PatientReplied(String patientId, String notificationId, Intent intent) {

    public enum Intent {
        CONFIRM, CANCEL, OTHER;

        /** "C"/"YES"/"SI" confirm, "X"/"NO"/"CANCEL" cancel (case and spacing ignored); anything else is other. */
        public static Intent of(String reply) {
            String word = reply == null ? "" : reply.strip().toUpperCase(java.util.Locale.ROOT);
            return switch (word) {
                case "C", "Y", "YES", "SI", "SÍ", "CONFIRM" -> CONFIRM;
                case "X", "N", "NO", "CANCEL", "CANCELAR" -> CANCEL;
                default -> OTHER;
            };
        }
    }
}
