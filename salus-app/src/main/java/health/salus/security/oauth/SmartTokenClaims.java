package health.salus.security.oauth;

import health.salus.security.CurrentSubject;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Salus puts in its tokens: for a user, their account id, the FHIR resource they are
 * ({@code fhirUser}) and, with {@code launch/patient}, the patient in context; for a system client,
 * the roles it was registered with. Roles of users are not put in: they are read fresh on each request.
 */
@Component
class SmartTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String CLIENT_ROLES_SETTING = health.salus.security.OAuthClients.ROLES_SETTING;
    private final AccountRepository accounts;

    SmartTokenClaims(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Object roles = context.getRegisteredClient().getClientSettings().getSetting(CLIENT_ROLES_SETTING);
            if (roles instanceof String codes && !codes.isBlank()) {
                context.getClaims().claim(CurrentSubject.CLAIM_ROLES, List.of(codes.split(" ")));
            }
            return;
        }
        Optional<Account> account = accounts.findByUsername(context.getPrincipal().getName());
        if (account.isEmpty()) {
            return;
        }
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        account.get().fhirUser().ifPresent(ref -> context.getClaims().claim("fhirUser",
                idToken ? fhirBase(context) + "/" + ref : ref));
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim(CurrentSubject.CLAIM_ACCOUNT, account.get().id());
            if (context.getAuthorizedScopes().contains("launch/patient")) {
                launchPatient(account.get()).ifPresent(id -> context.getClaims().claim(CurrentSubject.CLAIM_PATIENT, id));
            }
        }
    }

    /** A patient's own record is their launch context; other users choose one in an EHR launch (not built yet). */
    private static Optional<String> launchPatient(Account account) {
        return account.fhirUser().filter(ref -> ref.startsWith("Patient/")).map(ref -> ref.substring(8));
    }

    private static String fhirBase(JwtEncodingContext context) {
        return context.getAuthorizationServerContext().getIssuer() + "/fhir";
    }
}
