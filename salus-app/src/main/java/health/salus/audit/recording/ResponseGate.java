package health.salus.audit.recording;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * One request's hold on its response: the audit appends a read started are awaited before the first
 * byte of the answer leaves, so the server decodes and serialises while the trail commits instead of
 * after (fail closed, ADR 0004). Once the gate has opened nothing more can be held, and a later
 * append must be written before the caller goes on.
 */
final class ResponseGate {

    static final String ATTRIBUTE = ResponseGate.class.getName();

    private final List<CompletableFuture<Void>> held = new ArrayList<>();
    private final Duration timeout;
    private boolean opened;
    private Throwable refusal;

    ResponseGate(Duration timeout) {
        this.timeout = timeout;
    }

    /** The gate of the request this thread serves, when that request has one. */
    static Optional<ResponseGate> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? Optional.empty()
                : Optional.ofNullable((ResponseGate) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }

    /** Whether an append can still be held here: nothing of the answer has left yet. */
    synchronized boolean holding() {
        return !opened;
    }

    synchronized void hold(CompletableFuture<Void> append) {
        if (opened) {
            throw new IllegalStateException("The response has begun to leave; an append can no longer be held");
        }
        held.add(append);
    }

    /**
     * Waits for every held append, once, at most the trail's timeout in all; answers whether the answer
     * may leave. After a refusal it stays refused, so nothing written later gets out either.
     */
    synchronized boolean open() {
        if (!opened) {
            opened = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            for (CompletableFuture<Void> append : held) {
                try {
                    append.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    refusal = e.getCause() == null ? e : e.getCause();
                } catch (TimeoutException | CancellationException e) {
                    refusal = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    refusal = e;
                } catch (RuntimeException | Error e) {
                    // whatever went wrong while waiting, the append is not known to be there
                    refusal = e;
                }
                if (refusal != null) {
                    break;
                }
            }
            held.clear();
        }
        return refusal == null;
    }

    /** Why the answer was refused (for the log: a class name, never a message), or null. */
    synchronized Throwable refusal() {
        return refusal;
    }
}
