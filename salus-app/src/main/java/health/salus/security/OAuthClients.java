package health.salus.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;

/** Registers the clients of the authorization server: system integrations and SMART apps. */
@Service
public class OAuthClients {

    /** The client setting that carries a system client's roles into its tokens. */
    public static final String ROLES_SETTING = "salus.roles";
    private static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final CurrentSubject currentSubject;
    private final ApplicationEventPublisher events;

    OAuthClients(RegisteredClientRepository clients, PasswordEncoder passwordEncoder, CurrentSubject currentSubject,
            ApplicationEventPublisher events) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.currentSubject = currentSubject;
        this.events = events;
    }

    public boolean exists(String clientId) {
        return clients.findByClientId(clientId) != null;
    }

    /** A system client (client credentials) acting with {@code roles}, narrowed by the {@code system/} scopes. */
    public void registerSystemClient(String clientId, String secret, Set<String> scopes, Set<Role> roles) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientName(clientId)
                .clientSecret(passwordEncoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        // a plain string: settings are stored as JSON that only admits well-known types
                        .setting(ROLES_SETTING, String.join(" ", roles.stream().map(Role::code).sorted().toList()))
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build())
                .build());
        registered(clientId, "system", roles);
    }

    /**
     * A confidential SMART app: authorization code with PKCE, refresh tokens, OpenID Connect. With
     * {@code trusted}, users are not asked to approve its scopes (first-party apps only).
     */
    public void registerSmartApp(String clientId, String secret, List<String> redirectUris, Set<String> scopes,
            boolean trusted) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientName(clientId)
                .clientSecret(passwordEncoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(redirectUris)).scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireProofKey(true)
                        .requireAuthorizationConsent(!trusted).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                        .refreshTokenTimeToLive(Duration.ofHours(8)).reuseRefreshTokens(false).build())
                .build());
        registered(clientId, "smart-app", Set.of());
    }

    private void registered(String clientId, String kind, Set<Role> roles) {
        String actorId = currentSubject.current().map(Subject::id).orElse("system:salus");
        events.publishEvent(new SecurityEvents.OAuthClientRegistered(clientId, kind, roles, actorId,
                RequestOrigin.current()));
    }
}
