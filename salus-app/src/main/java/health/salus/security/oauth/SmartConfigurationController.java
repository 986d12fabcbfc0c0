package health.salus.security.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** SMART App Launch discovery: {@code /.well-known/smart-configuration} (also served under {@code /fhir}). */
@RestController
class SmartConfigurationController {

    @GetMapping(value = "/.well-known/smart-configuration",
            produces = "application/json")
    Map<String, Object> smartConfiguration(HttpServletRequest request) {
        String issuer = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("issuer", issuer);
        configuration.put("jwks_uri", issuer + "/oauth2/jwks");
        configuration.put("authorization_endpoint", issuer + "/oauth2/authorize");
        configuration.put("token_endpoint", issuer + "/oauth2/token");
        configuration.put("revocation_endpoint", issuer + "/oauth2/revoke");
        configuration.put("introspection_endpoint", issuer + "/oauth2/introspect");
        configuration.put("userinfo_endpoint", issuer + "/userinfo");
        configuration.put("grant_types_supported", List.of("authorization_code", "client_credentials",
                "refresh_token"));
        configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic",
                "client_secret_post", "none"));
        configuration.put("scopes_supported", List.of("openid", "fhirUser", "launch/patient", "offline_access",
                "patient/*.rs", "patient/*.cruds", "user/*.rs", "user/*.cruds", "system/*.rs", "system/*.cruds"));
        configuration.put("response_types_supported", List.of("code"));
        configuration.put("code_challenge_methods_supported", List.of("S256"));
        configuration.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
                "context-standalone-patient", "permission-patient", "permission-user", "permission-v1",
                "permission-v2", "sso-openid-connect", "permission-offline"));
        return configuration;
    }
}
