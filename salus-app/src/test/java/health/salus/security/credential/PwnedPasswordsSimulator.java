package health.salus.security.credential;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Pwned Passwords range API on 127.0.0.1, so the adapter is tested without the internet. Like
 * the real service it answers {@code GET /range/{5 hex}} with {@code SUFFIX:COUNT} lines and, when
 * asked with {@code Add-Padding: true}, mixes in random count-0 lines. It records every request.
 */
final class PwnedPasswordsSimulator implements AutoCloseable {

    /** What the adapter sent: the path and the Add-Padding header. */
    record Request(String path, String addPadding) {}

    private final HttpServer server;
    private final Map<String, Long> countBySha1 = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Random padding = new Random(42);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile boolean stall;

    PwnedPasswordsSimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/range/", this::range);
        server.setExecutor(handlers);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The service has seen this password {@code count} times (0: listed only as padding). */
    PwnedPasswordsSimulator breached(String password, long count) {
        countBySha1.put(sha1Hex(password), count);
        return this;
    }

    /** Answer every later request with this HTTP status (and an empty body unless 200). */
    void respondWith(int httpStatus) {
        this.status = httpStatus;
    }

    /** Send the headers, then no body until closed: a hung connection. */
    void stallAfterHeaders() {
        this.stall = true;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void range(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String addPadding = exchange.getRequestHeaders().getFirst("Add-Padding");
        requests.add(new Request(path, addPadding));
        String prefix = path.substring("/range/".length()).toUpperCase();
        byte[] body = status == 200 ? rangeBody(prefix, "true".equals(addPadding)) : new byte[0];
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (stall) {
                out.flush();
                awaitClose();
            } else {
                out.write(body);
            }
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] rangeBody(String prefix, boolean pad) {
        List<String> lines = new ArrayList<>();
        countBySha1.forEach((hash, count) -> {
            if (hash.startsWith(prefix)) {
                lines.add(hash.substring(prefix.length()) + ":" + count);
            }
        });
        if (pad) {
            synchronized (padding) {
                for (int i = 0; i < 50; i++) {
                    byte[] random = new byte[18];
                    padding.nextBytes(random);
                    lines.add(HexFormat.of().withUpperCase().formatHex(random).substring(0, 35) + ":0");
                }
            }
        }
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
