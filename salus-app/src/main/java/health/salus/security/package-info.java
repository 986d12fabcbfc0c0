/**
 * Who may do what: user accounts and their credentials (password, TOTP, recovery codes), sign-in and
 * sessions, the OAuth2 / SMART on FHIR authorization server, and the one access policy that decides
 * every read and write of patient data — role permissions, care relationship, patient consent, proxy
 * grants and break-glass. Other modules ask it through {@code CurrentSubject} and the FHIR store's
 * {@code AccessGuard}; none builds its own permission check.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package health.salus.security;
