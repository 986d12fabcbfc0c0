package health.salus.patients.eligibility.clearinghouse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clearinghouse on 127.0.0.1 for the demo and the tests: a real HTTP server that reads 270s with
 * StAEDI and answers realistic 271s from {@link SimulatedPayers}, so the real {@link HttpClearinghouse}
 * adapter, timeouts and retries are exercised end to end without leaving the machine.
 */
public class ClearinghouseSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClearinghouseSimulator.class);
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final SimulatedPayers payers = new SimulatedPayers();

    public ClearinghouseSimulator() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the clearinghouse simulator", e);
        }
        server.createContext("/eligibility", this::handle);
        server.setExecutor(executor);
        server.start();
        log.info("Clearinghouse simulator listening on {}", url());
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/eligibility");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            SimulatedPayers.Answer answer = payers.answer(request);
            byte[] body = answer.body().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "application/EDI-X12");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (RuntimeException e) {
            // never the payload: it is patient data
            log.warn("Clearinghouse simulator failed on a request: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
