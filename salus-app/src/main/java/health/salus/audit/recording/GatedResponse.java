package health.salus.audit.recording;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * A response whose bytes, errors and redirects pass only once its {@link ResponseGate} opens. What the
 * request writes is kept here (up to {@value #HOLD_LIMIT} bytes) while the trail appends, so
 * the answer is serialised during the append rather than after it; the gate is opened when the
 * request flushes, ends or outgrows the hold. Headers and status are only set, not sent, until then:
 * the container sends them with the first byte. When the gate refuses, what was written is dropped,
 * so the real response is still uncommitted and can answer 503 instead.
 */
final class GatedResponse extends HttpServletResponseWrapper {

    static final int HOLD_LIMIT = 256 * 1024;

    private final ResponseGate gate;
    private GatedStream stream;
    private PrintWriter writer;

    GatedResponse(HttpServletResponse response, ResponseGate gate) {
        super(response);
        this.gate = gate;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new GatedStream(super.getOutputStream(), gate);
        }
        return stream;
    }

    /**
     * Characters go through the same held stream, encoded as the container's writer would: the charset
     * is fixed now and named in the Content-Type, which the container does when it hands out a writer.
     * Flushing the writer only moves what its encoder buffers into the hold; {@link #flushBuffer} sends.
     */
    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String charset = getCharacterEncoding();
            setCharacterEncoding(charset);
            ServletOutputStream held = getOutputStream();
            writer = new PrintWriter(new OutputStreamWriter(new FilterOutputStream(held) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    held.write(bytes, offset, length);
                }

                @Override
                public void flush() {
                    // into the hold only: the gate opens when the answer is sent, not when it is encoded
                }
            }, charset));
        }
        return writer;
    }

    /** Opens the gate and passes on what was held; answers whether the answer may leave. */
    boolean release() throws IOException {
        encoded();
        boolean open = gate.open();
        if (stream != null) {
            stream.release(open);
        }
        return open;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (release()) {
            super.flushBuffer();
        }
    }

    @Override
    public void resetBuffer() {
        discardHeld();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        discardHeld();
        super.reset();
    }

    private void discardHeld() {
        encoded();
        if (stream != null) {
            stream.held.reset();
        }
    }

    /** Moves what the writer's encoder still buffers into the hold. */
    private void encoded() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        discardHeld();
        if (release()) {
            super.sendError(status, message);
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        discardHeld();
        if (release()) {
            super.sendError(status);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        discardHeld();
        if (release()) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void sendRedirect(String location, int status) throws IOException {
        discardHeld();
        if (release()) {
            super.sendRedirect(location, status);
        }
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        if (clearBuffer) {
            discardHeld();
        }
        if (release()) {
            super.sendRedirect(location, clearBuffer);
        }
    }

    @Override
    public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
        if (clearBuffer) {
            discardHeld();
        }
        if (release()) {
            super.sendRedirect(location, status, clearBuffer);
        }
    }

    private static final class GatedStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private final ResponseGate gate;
        final ByteArrayOutputStream held = new ByteArrayOutputStream();

        GatedStream(ServletOutputStream out, ResponseGate gate) {
            this.out = out;
            this.gate = gate;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (gate.holding()) {
                held.write(bytes, offset, length);
                if (held.size() > HOLD_LIMIT) {
                    release(gate.open());
                }
            } else if (gate.open()) {
                out.write(bytes, offset, length);
            }
        }

        void release(boolean open) throws IOException {
            if (open && held.size() > 0) {
                held.writeTo(out);
            }
            held.reset();
        }

        @Override
        public void flush() throws IOException {
            boolean open = gate.open();
            release(open);
            if (open) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            boolean open = gate.open();
            release(open);
            // closing commits the response: a refused one must stay open for the 503
            if (open) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
