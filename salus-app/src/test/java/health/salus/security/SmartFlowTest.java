package health.salus.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import health.salus.support.Api;
import health.salus.support.Browser;
import health.salus.support.FhirHttp;
import health.salus.support.SalusIntegrationTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import health.salus.support.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OAuth2 / OpenID Connect flows a SMART app and an administrator rely on. */
@SalusIntegrationTest
class SmartFlowTest {

    /** Signing in lands on "/", which forwards each user to their role's home page. */
    private static final String SIGNED_IN_HOME = "(http://[^/]+)?/";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String user(Role role) {
        return TestUsers.create(accounts, role, "Practitioner/flow");
    }

    @Test
    void aRefreshTokenRenewsAccessUntilItIsRevoked() {
        JsonNode tokens = SignIn.smartToken(port, user(Role.NURSE), "openid fhirUser offline_access user/*.rs");
        String refresh = tokens.get("refresh_token").asText();
        JsonNode renewed = Tokens.tokenRequest(port, SignIn.SMART_APP, SignIn.SMART_APP_SECRET,
                "grant_type=refresh_token&refresh_token=" + refresh);
        assertThat(new FhirHttp(port, renewed.get("access_token").asText()).get("/Practitioner?_count=1")
                .statusCode()).isEqualTo(200);
        String rotated = renewed.get("refresh_token").asText();
        assertThat(post("/oauth2/revoke", "token=" + rotated + "&token_type_hint=refresh_token").statusCode())
                .isEqualTo(200);
        assertThat(post("/oauth2/token", "grant_type=refresh_token&refresh_token=" + rotated).statusCode())
                .isEqualTo(400);
    }

    @Test
    void theIdTokenSaysWhichFhirResourceTheUserIs() {
        JsonNode tokens = SignIn.smartToken(port, user(Role.PHYSICIAN), "openid fhirUser user/*.rs");
        String payload = new String(Base64.getUrlDecoder().decode(tokens.get("id_token").asText().split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"fhirUser\":\"http://127.0.0.1:" + port + "/fhir/Practitioner/flow\"");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Browser browser = SignIn.browser(port, user(Role.NURSE));
        HttpResponse<String> response = browser.get("/oauth2/authorize?response_type=code&client_id="
                + SignIn.SMART_APP + "&redirect_uri=" + SignIn.REDIRECT_URI + "&scope=openid&state=s");
        assertThat(Browser.location(response)).startsWith(SignIn.REDIRECT_URI).contains("error=invalid_request")
                .doesNotContain("code=");
    }

    @Test
    void anAdministratorUnlocksALockedAccountAndNoOneElseMay() {
        String locked = user(Role.PATIENT);
        for (int attempt = 0; attempt < 5; attempt++) {
            SignIn.password(new Browser(port), locked, "not the password " + attempt);
        }
        assertThat(SignIn.password(new Browser(port), locked, SignIn.PASSWORD)).endsWith("/login?error");
        String nurseToken = SignIn.smartToken(port, user(Role.NURSE), "openid").get("access_token").asText();
        assertThat(api(nurseToken, "/api/security/accounts/" + locked + "/unlock").statusCode()).isEqualTo(403);
        String adminToken = SignIn.smartToken(port, user(Role.ADMINISTRATOR), "openid").get("access_token").asText();
        assertThat(api(adminToken, "/api/security/accounts/" + locked + "/unlock").statusCode()).isEqualTo(200);
        assertThat(SignIn.password(new Browser(port), locked, SignIn.PASSWORD)).matches(SIGNED_IN_HOME);
    }

    private HttpResponse<String> post(String path, String form) {
        return Tokens.clientPost(port, SignIn.SMART_APP, SignIn.SMART_APP_SECRET, path, form);
    }

    private HttpResponse<String> api(String token, String path) {
        return Api.call(port, token, "POST", path, null);
    }
}
