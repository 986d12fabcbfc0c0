package health.salus.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the running application's own token endpoint, as a real client gets them. */
public final class Tokens {

    /**
     * Access tokens live 15 minutes and the integration-test context lives as long as the suite; a
     * cached token is used for at most 10 minutes, so a long suite never sends an expired one.
     */
    private static final Duration FRESH_FOR = Duration.ofMinutes(10);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, Instant obtainedAt) {
    }

    private Tokens() {
    }

    /** A client-credentials token of the test system client (cached per port and scope). */
    public static String system(int port) {
        return clientCredentials(port, TestClients.SYSTEM_CLIENT, TestClients.SYSTEM_SECRET, "system/*.cruds");
    }

    public static String clientCredentials(int port, String clientId, String secret, String scope) {
        return cached(port + " " + clientId + " " + scope, () -> tokenRequest(port, clientId, secret,
                "grant_type=client_credentials&scope=" + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8))
                .get("access_token").asText());
    }

    /** A token from {@code obtain}, reused under {@code key} while it is fresh (see {@link #FRESH_FOR}). */
    public static String cached(String key, Supplier<String> obtain) {
        return CACHE.compute(key, (k, held) -> held != null && held.obtainedAt().plus(FRESH_FOR).isAfter(Instant.now())
                ? held : new Cached(obtain.get(), Instant.now())).token();
    }

    /** Calls the token endpoint with HTTP basic client authentication and returns the JSON response. */
    public static JsonNode tokenRequest(int port, String clientId, String secret, String form) {
        HttpResponse<String> response = clientPost(port, clientId, secret, "/oauth2/token", form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form post to an authorization-server endpoint with HTTP basic client authentication. */
    public static HttpResponse<String> clientPost(int port, String clientId, String secret, String path, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }
}
