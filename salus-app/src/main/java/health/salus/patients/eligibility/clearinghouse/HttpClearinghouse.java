package health.salus.patients.eligibility.clearinghouse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A clearinghouse reached by a plain HTTP POST of the X12 270 ({@code Content-Type: application/EDI-X12})
 * answered with the 271 in the body, with HTTP basic credentials when configured: the shape most
 * clearinghouses' real-time REST endpoints take (CAQH CORE's SOAP/MIME envelope is a wrapper around the
 * same exchange, for a later adapter).
 */
public class HttpClearinghouse implements Clearinghouse {

    private final HttpClient client;
    private final URI url;
    private final Optional<String> authorization;
    private final Duration timeout;

    public HttpClearinghouse(URI url, String username, String password, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.timeout = timeout;
        this.authorization = username.isBlank() ? Optional.empty() : Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String exchange(String x12Request) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/EDI-X12")
                .POST(HttpRequest.BodyPublishers.ofString(x12Request, StandardCharsets.US_ASCII));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
        } catch (HttpTimeoutException e) {
            throw new ClearinghouseUnavailableException("TIMEOUT", e);
        } catch (IOException e) {
            throw new ClearinghouseUnavailableException("IO", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClearinghouseUnavailableException("INTERRUPTED", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429 || status == 408) {
            throw new ClearinghouseUnavailableException("HTTP-" + status, null);
        }
        if (status >= 300) {
            throw new ClearinghouseRefusedException("HTTP-" + status);
        }
        return response.body();
    }
}
