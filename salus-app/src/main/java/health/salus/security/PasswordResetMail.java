package health.salus.security;

import java.util.List;

/**
 * How a password-reset link reaches the person an account belongs to. Security knows accounts but
 * not addresses; the messaging module, which reads a patient's email from their Patient resource,
 * implements this. Only accounts linked to a Patient can reset their password themselves: staff and
 * family members ask an administrator.
 */
public interface PasswordResetMail {

    /** The patients whose email address is exactly this one (usually one, none when unknown). */
    List<String> patientsWithEmail(String email);

    /**
     * Queues the email with the link to the patient's address on file (never the one typed in the
     * form); the link is stored only encrypted and never logged.
     */
    void send(String patientId, String resetLink, String idempotencyKey);
}
