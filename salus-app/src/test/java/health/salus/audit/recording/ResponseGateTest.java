package health.salus.audit.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.salus.platform.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The answer to a FHIR read leaves only once the trail holds what the read accessed: held while the
 * append runs, sent when it commits, and replaced by a 503 (with nothing of the answer) when it fails.
 */
class ResponseGateTest {

    private final ResponseGateFilter filter = new ResponseGateFilter(Duration.ofSeconds(10));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    ResponseGateTest() {
        request.setAttribute(RequestIds.ATTRIBUTE, "req-1");
        response.setHeader(RequestIds.HEADER, "req-1");
    }

    @Test
    void theAnswerWaitsForTheAppendAndLeavesWhenItCommits() throws Exception {
        CompletableFuture<Void> append = new CompletableFuture<>();
        FilterChain read = (req, res) -> {
            gateOf(req).hold(append);
            ((HttpServletResponse) res).setStatus(200);
            res.getWriter().write("{\"resourceType\":\"Bundle\"}");
            res.getWriter().flush();
        };
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread serving = new Thread(() -> {
            try {
                filter.doFilter(request, response, read);
            } catch (Exception e) {
                failed.set(e);
            }
        });
        serving.start();
        while (serving.getState() != Thread.State.TIMED_WAITING && serving.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(serving.isAlive()).as("the answer waits for the append").isTrue();
        assertThat(response.getContentAsByteArray()).as("nothing has left").isEmpty();
        assertThat(response.isCommitted()).isFalse();

        append.complete(null);
        serving.join();

        assertThat(failed.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"resourceType\":\"Bundle\"}");
    }

    @Test
    void whenTheAppendFailsNothingOfTheAnswerLeavesAndTheClientGets503() throws Exception {
        FilterChain read = (req, res) -> {
            gateOf(req).hold(CompletableFuture.failedFuture(new SQLException("relation does not exist", "42P01")));
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(200);
            http.setHeader("ETag", "W/\"3\"");
            res.getOutputStream().write("{\"family\":\"Quill-Marsh\"}".getBytes(StandardCharsets.UTF_8));
            res.flushBuffer();
            res.getOutputStream().close();
        };

        filter.doFilter(request, response, read);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        assertThat(response.getContentAsString()).contains("\"resourceType\":\"OperationOutcome\"")
                .contains("\"severity\":\"error\"").doesNotContain("Quill-Marsh");
        assertThat(response.getHeader("ETag")).as("nothing of the refused answer").isNull();
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("req-1");
    }

    @Test
    void aReadThatAlsoFailsStillAnswers503WhenItsAppendFailed() throws Exception {
        FilterChain read = (req, res) -> {
            gateOf(req).hold(CompletableFuture.failedFuture(new IllegalStateException("writer stopped")));
            throw new IllegalArgumentException("serialiser broke");
        };

        filter.doFilter(request, response, read);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("OperationOutcome");
    }

    @Test
    void aFailureOfTheReadItselfIsNotHiddenWhenTheTrailHoldsIt() {
        FilterChain read = (req, res) -> {
            gateOf(req).hold(CompletableFuture.completedFuture(null));
            throw new IllegalArgumentException("serialiser broke");
        };

        assertThatThrownBy(() -> filter.doFilter(request, response, read))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendsReportedWhileTheAnswerIsHeldAreHeldTooButNotOnceItHasLeft() throws Exception {
        AtomicReference<Boolean> holdingAfterWrite = new AtomicReference<>();
        AtomicReference<Boolean> holdingAfterFlush = new AtomicReference<>();
        AtomicReference<Throwable> heldLate = new AtomicReference<>();
        FilterChain read = (req, res) -> {
            ResponseGate gate = gateOf(req);
            res.getWriter().write("{");
            holdingAfterWrite.set(gate.holding());
            gate.hold(CompletableFuture.completedFuture(null));
            res.getWriter().flush();
            holdingAfterWrite.set(holdingAfterWrite.get() && gate.holding());
            res.flushBuffer();
            holdingAfterFlush.set(gate.holding());
            try {
                gate.hold(new CompletableFuture<>());
            } catch (IllegalStateException e) {
                heldLate.set(e);
            }
            res.getWriter().write("}");
        };

        filter.doFilter(request, response, read);

        assertThat(holdingAfterWrite.get()).as("written and flushed by the writer, not sent: still held").isTrue();
        assertThat(holdingAfterFlush.get()).isFalse();
        assertThat(heldLate.get()).isInstanceOf(IllegalStateException.class);
        assertThat(response.getContentAsString()).isEqualTo("{}");
    }

    @Test
    void anAppendThatDoesNotCommitInTimeIsARefusal() throws Exception {
        ResponseGateFilter impatient = new ResponseGateFilter(Duration.ofMillis(50));
        FilterChain read = (req, res) -> {
            gateOf(req).hold(new CompletableFuture<>());
            res.getWriter().write("{\"family\":\"Quill-Marsh\"}");
        };

        impatient.doFilter(request, response, read);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).doesNotContain("Quill-Marsh");
    }

    @Test
    void anAnswerLargerThanTheHoldWaitsForTheTrailAndThenStreams() throws Exception {
        CompletableFuture<Void> append = new CompletableFuture<>();
        byte[] chunk = new byte[8192];
        int chunks = GatedResponse.HOLD_LIMIT / chunk.length + 4;
        AtomicReference<Boolean> completedBeforeStreaming = new AtomicReference<>();
        FilterChain read = (req, res) -> {
            gateOf(req).hold(append);
            append.complete(null);
            for (int i = 0; i < chunks; i++) {
                res.getOutputStream().write(chunk);
            }
            completedBeforeStreaming.set(((HttpServletResponse) res).isCommitted() || response
                    .getContentAsByteArray().length > 0);
        };

        filter.doFilter(request, response, read);

        assertThat(completedBeforeStreaming.get()).as("past the hold the answer streams").isTrue();
        assertThat(response.getContentAsByteArray()).hasSize(chunks * chunk.length);
    }

    @Test
    void charactersLeaveInTheCharsetTheContentTypeNames() throws Exception {
        FilterChain read = (req, res) -> {
            res.setContentType("application/fhir+json;charset=UTF-8");
            res.getWriter().write("{\"family\":\"Müller-Øvrebø\"}");
        };

        filter.doFilter(request, response, read);

        assertThat(response.getContentType()).isEqualToIgnoringCase("application/fhir+json;charset=UTF-8");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"family\":\"Müller-Øvrebø\"}");
    }

    @Test
    void whatWasWrittenBeforeAResetNeverLeaves() throws Exception {
        FilterChain read = (req, res) -> {
            gateOf(req).hold(CompletableFuture.completedFuture(null));
            res.getWriter().write("{\"resourceType\":\"Bundle\",\"entry\":[{\"family\":\"Quill-Marsh\"");
            res.reset();
            res.setContentType("application/fhir+json;charset=UTF-8");
            res.getWriter().write("{\"resourceType\":\"OperationOutcome\"}");
        };

        filter.doFilter(request, response, read);

        assertThat(response.getContentAsString()).isEqualTo("{\"resourceType\":\"OperationOutcome\"}");
    }

    @Test
    void anAppendWhoseWaitBreaksUnexpectedlyIsARefusalNotAnOpening() throws Exception {
        CompletableFuture<Void> broken = new CompletableFuture<>() {
            @Override
            public Void get(long timeout, java.util.concurrent.TimeUnit unit) {
                throw new NullPointerException("writer bug");
            }
        };
        FilterChain read = (req, res) -> {
            gateOf(req).hold(broken);
            res.getOutputStream().write("{\"family\":\"Quill-Marsh\"}".getBytes(StandardCharsets.UTF_8));
            res.flushBuffer();
            res.getOutputStream().write(" and more".getBytes(StandardCharsets.UTF_8));
        };

        filter.doFilter(request, response, read);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).doesNotContain("Quill-Marsh").doesNotContain("more");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void writesAreNotGated() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/fhir/Patient");
        AtomicReference<Object> gate = new AtomicReference<>();
        filter.doFilter(post, response, (req, res) -> gate.set(req.getAttribute(ResponseGate.ATTRIBUTE)));

        assertThat(gate.get()).as("a write records inside its transaction, not at the gate").isNull();
    }

    private static ResponseGate gateOf(jakarta.servlet.ServletRequest request) {
        return (ResponseGate) request.getAttribute(ResponseGate.ATTRIBUTE);
    }
}
