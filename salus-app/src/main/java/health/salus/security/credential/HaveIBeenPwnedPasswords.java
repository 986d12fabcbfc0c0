package health.salus.security.credential;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the Pwned Passwords range API (k-anonymity): only the first 5 hex characters of the
 * password's SHA-1 leave the server, and the match against the returned suffixes happens here.
 * The bundled {@link CommonPasswordList} is checked first (no request for the obvious cases) and is
 * the only check when the service cannot be reached: failing open keeps a clinic able to set
 * passwords during an outage, and the local list still stops the most common ones.
 */
public final class HaveIBeenPwnedPasswords implements BreachedPasswords {

    private static final Logger log = LoggerFactory.getLogger(HaveIBeenPwnedPasswords.class);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int PREFIX_LENGTH = 5;

    private final URI baseUrl;
    private final CommonPasswordList localList;
    private final Duration timeout;
    private final HttpClient http;

    /** @param baseUrl the service root, e.g. {@code https://api.pwnedpasswords.com} */
    public HaveIBeenPwnedPasswords(URI baseUrl, CommonPasswordList localList) {
        this(baseUrl, localList, TIMEOUT);
    }

    HaveIBeenPwnedPasswords(URI baseUrl, CommonPasswordList localList, Duration timeout) {
        this.baseUrl = withoutTrailingSlash(baseUrl);
        this.localList = localList;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault()) // honour -Dhttps.proxyHost on clinic networks
                .build();
    }

    @Override
    public boolean isBreached(String password) {
        if (password == null) {
            return false;
        }
        if (localList.isBreached(password)) {
            return true;
        }
        String hash = sha1Hex(password);
        String prefix = hash.substring(0, PREFIX_LENGTH);
        String suffix = hash.substring(PREFIX_LENGTH);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/range/" + prefix))
                // the service pads responses with count-0 entries so their size does not hint at the prefix
                .header("Add-Padding", "true")
                .header("User-Agent", "Salus")
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // bounds the whole exchange: a request timeout alone stops at the headers, not a stalled body
            HttpResponse<String> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                log.warn("Pwned Passwords returned HTTP {}; checked the local list only", response.statusCode());
                return false;
            }
            return response.body().lines().anyMatch(line -> isBreachedEntry(line, suffix));
        } catch (ExecutionException | TimeoutException e) {
            pending.cancel(true);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("Pwned Passwords unreachable ({}); checked the local list only", cause.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            log.warn("Pwned Passwords lookup interrupted; checked the local list only");
            return false;
        }
    }

    /** A response line is {@code SUFFIX:COUNT}; padding entries have count 0 and mean "not seen". */
    private static boolean isBreachedEntry(String line, String suffix) {
        int colon = line.indexOf(':');
        if (colon < 0 || !line.substring(0, colon).strip().equalsIgnoreCase(suffix)) {
            return false;
        }
        try {
            return Long.parseLong(line.substring(colon + 1).strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String sha1Hex(String password) {
        try {
            // SHA-1 is what the service indexes by; it is used here only as a lookup key, not to store anything
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
