package health.salus.messaging.telephony;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for the SMS/voice provider, on its own port of 127.0.0.1: the same routes,
 * credentials check, number validation and JSON answers as the real REST API, so the real adapter is
 * what talks to it. It keeps what it was sent (the demo outbox shows it), can be told to fail the next
 * requests (retries) and plays a patient texting back ({@link #reply}, or {@code POST /_simulator/inbound}
 * with From and Body), handed to the listener as the provider's inbound webhook would be.
 */
public final class TelephonySimulator implements AutoCloseable {

    private static final Pattern ROUTE = Pattern.compile("/Accounts/([^/]+)/(Messages|Calls)\\.json");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** One message or call as the provider accepted it. */
    public record Sent(String sid, String kind, String to, String from, String text, Instant at) {
    }

    /** Every request to the message and call routes with its answer, refused ones too (to see retries). */
    public record Attempt(String to, int status, Instant at) {
    }

    private final HttpServer server;
    private final String account;
    private final String token;
    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile BiConsumer<String, String> inbound = (from, body) -> { };

    public TelephonySimulator(int port, String account, String token, Clock clock) {
        this.account = account;
        this.token = token;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The SMS simulator could not listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The next {@code count} requests answer {@code status} (e.g. 503, or 400 for a refused number). */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    public void onInbound(BiConsumer<String, String> listener) {
        this.inbound = listener;
    }

    /** A patient's phone texts {@code body} back to the clinic's number. */
    public void reply(String fromNumber, String body) {
        inbound.accept(fromNumber, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"code\":20004,\"message\":\"Method not allowed\"}");
                return;
            }
            Map<String, String> form = form(exchange.getRequestBody());
            if (path.equals("/_simulator/inbound")) {
                reply(form.getOrDefault("From", ""), form.getOrDefault("Body", ""));
                respond(exchange, 204, "");
                return;
            }
            Matcher route = ROUTE.matcher(path);
            if (!route.matches()) {
                respond(exchange, 404, "{\"code\":20404,\"message\":\"Not found\"}");
            } else if (!authorized(exchange, route.group(1))) {
                respond(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\"}", form);
            } else if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, failureStatus, "{\"code\":" + failureStatus + ",\"message\":\"Simulated failure\"}",
                        form);
            } else if (!E164.matcher(form.getOrDefault("To", "")).matches()) {
                respond(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number\"}",
                        form);
            } else {
                boolean call = route.group(2).equals("Calls");
                String sid = (call ? "CA" : "SM") + UUID.randomUUID().toString().replace("-", "");
                sent.add(new Sent(sid, call ? "voice" : "sms", form.get("To"), form.get("From"),
                        call ? form.getOrDefault("Twiml", "") : form.getOrDefault("Body", ""), clock.instant()));
                respond(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}", form);
            }
        }
    }

    private boolean authorized(HttpExchange exchange, String pathAccount) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((account + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
        return pathAccount.equals(account) && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private void respond(HttpExchange exchange, int status, String json, Map<String, String> form) throws IOException {
        attempts.add(new Attempt(form.getOrDefault("To", ""), status, clock.instant()));
        respond(exchange, status, json);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
