/**
 * The tamper-evident record of who touched what: an append-only, hash-chained audit trail of every
 * access to patient data (permitted or denied) and of security events (sign-ins, MFA and role
 * changes, key operations), written before a response leaves; its views (FHIR AuditEvent, the
 * patient's "who looked at my record", accounting of disclosures, officer reports); and the security
 * monitors that raise alerts from it. Other modules report through {@code AuditTrail} or the domain
 * events the audit module listens to; nothing else writes its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package health.salus.audit;
