package health.salus.bench;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * A signed-in browser session over plain HTTP, for benchmarking server-rendered pages: signs in with
 * the password and the TOTP step as a person does, then keeps the session cookie.
 */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String origin;

    private WebSession(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    static WebSession signIn(int port, String username, String password, String totpBase32) {
        WebSession session = new WebSession(port);
        session.submit("/login", Map.of("username", username, "password", password));
        HttpResponse<String> second = session.submit("/login/mfa", Map.of("code", totp(totpBase32)));
        String next = second.headers().firstValue("Location").orElse("");
        if (second.statusCode() != 302 || next.contains("/login")) {
            throw new IllegalStateException("The bench account could not sign in (" + second.statusCode() + " → " + next + ")");
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
    }

    private HttpResponse<String> submit(String page, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(get(page).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf.find()) {
            all.put("_csrf", csrf.group(1));
        }
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(origin + page))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String totp(String base32) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32), "HmacSHA1"), Instant.now());
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
