package health.salus.security;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import health.salus.security.identity.Account;
import health.salus.security.identity.AccountRepository;
import health.salus.security.support.RequestMemo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The subject of the current request or job. A user's roles and links are read from their account
 * on every request, so a role taken away or an account disabled counts at once, whatever token
 * or session they hold.
 */
@Component
public class CurrentSubject {

    /** Access-token claims Salus adds (see the authorization server's token customizer). */
    public static final String CLAIM_ACCOUNT = "salus_account";
    public static final String CLAIM_ROLES = "salus_roles";
    public static final String CLAIM_PATIENT = "patient";

    private final AccountRepository accounts;

    CurrentSubject(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Subject> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof SystemAuthentication system) {
            return Optional.of(system.subject());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            return RequestMemo.get("subject.token." + token.getToken().getId(), () -> fromToken(token.getToken()));
        }
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof UserDetails principal) {
            return RequestMemo.get("subject.session." + principal.getUsername(), () -> accounts
                    .findByUsername(principal.getUsername()).filter(Account::enabled)
                    .map(account -> new Subject(account.id(), Subject.Kind.USER, account.roles(), account.fhirUser(),
                            SmartScopes.ALL, Optional.empty())));
        }
        return Optional.empty();
    }

    /**
     * The OAuth client a signed-in user's token was issued to: the SMART app acting for them. Empty
     * for browser sessions, system clients (the client is the subject) and Salus itself.
     */
    public Optional<String> clientId() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && token.getToken().getClaimAsString(CLAIM_ACCOUNT) != null) {
            List<String> audience = token.getToken().getAudience();
            return audience == null || audience.isEmpty() ? Optional.ofNullable(token.getToken().getClaimAsString("azp"))
                    : Optional.of(audience.get(0));
        }
        return Optional.empty();
    }

    /** The subject, or a 401 for whoever called without signing in. */
    public Subject require() {
        return current().orElseThrow(() -> new AuthenticationException("Sign in to use this service"));
    }

    private Optional<Subject> fromToken(Jwt jwt) {
        SmartScopes scopes = SmartScopes.parse(scopes(jwt));
        Optional<String> launchPatient = Optional.ofNullable(jwt.getClaimAsString(CLAIM_PATIENT));
        String accountId = jwt.getClaimAsString(CLAIM_ACCOUNT);
        if (accountId != null) {
            return accounts.findById(accountId).filter(Account::enabled).map(account -> new Subject(account.id(),
                    Subject.Kind.USER, account.roles(), account.fhirUser(), scopes, launchPatient));
        }
        List<String> roleCodes = Optional.ofNullable(jwt.getClaimAsStringList(CLAIM_ROLES)).orElse(List.of());
        Set<Role> roles = roleCodes.stream().map(Role::fromCode).flatMap(Optional::stream).collect(Collectors.toSet());
        return Optional.of(new Subject("client:" + jwt.getSubject(), Subject.Kind.CLIENT, roles, Optional.empty(),
                scopes, launchPatient));
    }

    private static List<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return List.of(text.split(" "));
        }
        return Optional.ofNullable(jwt.getClaimAsStringList("scope")).orElse(List.of());
    }
}
