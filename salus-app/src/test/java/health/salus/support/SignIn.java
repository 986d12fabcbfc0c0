package health.salus.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** Signs users in the way people and SMART apps do: password, second factor, authorization code with PKCE. */
public final class SignIn {

    /** The TOTP key of the accounts tests create (base32). */
    public static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    public static final String PASSWORD = "correct horse battery staple 42";
    public static final String SMART_APP = "salus-test-smart-app";
    public static final String SMART_APP_SECRET = "salus-test-smart-app-secret";
    public static final String REDIRECT_URI = "http://127.0.0.1:9/callback";

    private SignIn() {
    }

    public static String totpCode(String base32Secret) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), Instant.now());
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Password step; returns where the server sent the browser next. */
    public static String password(Browser browser, String username, String password) {
        HttpResponse<String> response = browser.submit("/login", "/login", Map.of("username", username,
                "password", password));
        return Browser.location(response);
    }

    /** Password and, for staff, the TOTP step: a signed-in browser session. */
    public static Browser browser(int port, String username) {
        Browser browser = new Browser(port);
        String next = password(browser, username, PASSWORD);
        if (next.endsWith("/login/mfa")) {
            String done = Browser.location(browser.submit("/login/mfa", "/login/mfa",
                    Map.of("code", totpCode(TOTP_SECRET))));
            if (done.contains("/login")) {
                throw new IllegalStateException("Second factor refused for a test account");
            }
        }
        return browser;
    }

    /** The token response of a full SMART authorization-code flow with PKCE for this user. */
    public static JsonNode smartToken(int port, String username, String scope) {
        return smartToken(port, browser(port, username), scope);
    }

    /** The same flow in a browser that is already signed in. */
    public static JsonNode smartToken(int port, Browser browser, String scope) {
        String verifier = base64Url(random(32));
        String challenge = base64Url(sha256(verifier));
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + SMART_APP + "&redirect_uri="
                + enc(REDIRECT_URI) + "&scope=" + enc(scope) + "&state=xyz&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        String redirect = Browser.location(browser.get(authorize));
        if (!redirect.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("Authorization did not redirect back with a code: " + redirect);
        }
        String code = redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return Tokens.tokenRequest(port, SMART_APP, SMART_APP_SECRET, "grant_type=authorization_code&code="
                + code + "&redirect_uri=" + enc(REDIRECT_URI) + "&code_verifier=" + verifier);
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
