/**
 * Messages to patients and staff: notification delivery over email (SMTP), SMS and voice (a gateway
 * port with a loopback simulator) and in-app, from templates in the recipient's language, respecting
 * their preferred channel, time zone and quiet hours, with delivery status, retries and idempotency.
 * Bodies carry the minimum: no diagnoses or results in an SMS or email. Conversations and attachments
 * arrive here later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package health.salus.messaging;
