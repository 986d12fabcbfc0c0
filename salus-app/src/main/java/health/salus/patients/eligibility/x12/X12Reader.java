package health.salus.patients.eligibility.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an interchange into its segments with StAEDI, which checks the envelope (ISA/GS/ST and their
 * trailers, counts and control numbers). Envelope errors are reported, not thrown, so a caller can
 * answer a malformed interchange the way X12 expects (TA1/999) rather than crash.
 */
public final class X12Reader {

    private X12Reader() {
    }

    /** The segments read, and the envelope errors StAEDI found (their codes, e.g. CONTROL_REFERENCE_MISMATCH). */
    public record Interchange(List<Segment> segments, List<String> errors) {

        public List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.is(tag)).toList();
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Thrown when the text is not X12 at all (no ISA, unreadable delimiters). */
    public static final class NotX12Exception extends RuntimeException {
        NotX12Exception(Throwable cause) {
            super("The payload is not an X12 interchange", cause);
        }
    }

    public static Interchange read(String x12) {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(x12.strip().getBytes(StandardCharsets.US_ASCII)))) {
            String tag = null;
            List<List<String>> elements = new ArrayList<>();
            boolean inComposite = false;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>();
                    }
                    case START_COMPOSITE -> {
                        inComposite = true;
                        place(elements, reader.getLocation().getElementPosition()).clear();
                    }
                    case END_COMPOSITE -> inComposite = false;
                    case ELEMENT_DATA -> {
                        List<String> element = place(elements, reader.getLocation().getElementPosition());
                        if (inComposite) {
                            element.add(reader.getText());
                        } else {
                            element.clear();
                            element.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, elements));
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            errors.add(reader.getErrorType().name());
                    default -> {
                        // interchange, group, transaction and loop boundaries: the segments say enough
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            if (segments.isEmpty()) {
                throw new NotX12Exception(e);
            }
            errors.add("UNREADABLE");
        }
        return new Interchange(segments, errors);
    }

    private static List<String> place(List<List<String>> elements, int position) {
        while (elements.size() < position) {
            elements.add(new ArrayList<>(List.of("")));
        }
        return elements.get(position - 1);
    }
}
