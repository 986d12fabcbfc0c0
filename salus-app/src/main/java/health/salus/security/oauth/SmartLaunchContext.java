package health.salus.security.oauth;

import health.salus.security.CurrentSubject;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/** SMART's launch context in the token response: the {@code patient} the access token is bound to. */
@Component
class SmartLaunchContext {

    private final ObjectProvider<JwtDecoder> decoder;

    SmartLaunchContext(ObjectProvider<JwtDecoder> decoder) {
        this.decoder = decoder;
    }

    void addToResponse(OAuth2AccessTokenAuthenticationContext context) {
        OAuth2AccessTokenAuthenticationToken token = context.getAuthentication();
        Jwt jwt = decoder.getObject().decode(token.getAccessToken().getTokenValue());
        String patient = jwt.getClaimAsString(CurrentSubject.CLAIM_PATIENT);
        if (patient != null) {
            Map<String, Object> parameters = new HashMap<>(token.getAdditionalParameters());
            parameters.put(CurrentSubject.CLAIM_PATIENT, patient);
            context.getAccessTokenResponse().additionalParameters(parameters);
        }
    }
}
