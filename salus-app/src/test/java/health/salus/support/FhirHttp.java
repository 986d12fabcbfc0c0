package health.salus.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP client for the FHIR endpoint, so tests see exactly what a client sees. */
public final class FhirHttp {

    public static final String FHIR_JSON = "application/fhir+json";
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String bearerToken;

    /** As the test system client, which the policy lets reach everything. */
    public FhirHttp(int port) {
        this(port, Tokens.system(port));
    }

    /** With this access token; {@code null} for a caller with none. */
    public FhirHttp(int port, String bearerToken) {
        this.base = "http://127.0.0.1:" + port + "/fhir";
        this.bearerToken = bearerToken;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", FHIR_JSON).GET());
    }

    public HttpResponse<String> post(String path, String body) {
        return post(path, body, Map.of());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", FHIR_JSON)
                .header("Accept", FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> put(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", FHIR_JSON)
                .header("Accept", FHIR_JSON).PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> patch(String path, String jsonPatch, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json-patch+json").header("Accept", FHIR_JSON)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(jsonPatch));
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", FHIR_JSON).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        if (bearerToken != null && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Authorization", "Bearer " + bearerToken).build();
        }
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Encodes a query value (|, :, spaces) the way a careful client would. */
    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + (path.startsWith("/") ? path : "/" + path));
    }
}
