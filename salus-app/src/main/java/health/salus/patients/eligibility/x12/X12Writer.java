package health.salus.patients.eligibility.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one interchange holding one transaction set with StAEDI: ISA/GS/ST, the body, and the
 * SE/GE/IEA trailers with their counts and control numbers, so no builder has to get those right.
 */
public final class X12Writer {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private static final Schema CONTROL_SCHEMA = controlSchema();

    private X12Writer() {
    }

    public static String write(Envelope envelope, String transactionSet, List<Segment> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String control = String.format("%09d", envelope.controlNumber() % 1_000_000_000L);
        String group = Long.toString(envelope.controlNumber() % 1_000_000_000L);
        try {
            EDIStreamWriter writer = EDIOutputFactory.newFactory().createEDIStreamWriter(out, "US-ASCII");
            // StAEDI then refuses an envelope element of the wrong size or type as it is written
            writer.setControlSchema(CONTROL_SCHEMA);
            writer.startInterchange();
            write(writer, Segment.of("ISA", "00", " ".repeat(10), "00", " ".repeat(10), "ZZ",
                    pad(envelope.senderId()), "ZZ", pad(envelope.receiverId()), envelope.at().format(YYMMDD),
                    envelope.at().format(HHMM), "^", "00501", control, "0", envelope.usage(), ":"));
            write(writer, Segment.of("GS", envelope.functionalId(), envelope.senderId(), envelope.receiverId(),
                    envelope.at().format(CCYYMMDD), envelope.at().format(HHMM), group, "X",
                    Envelope.IMPLEMENTATION_GUIDE));
            write(writer, Segment.of("ST", transactionSet, "0001", Envelope.IMPLEMENTATION_GUIDE));
            for (Segment segment : body) {
                write(writer, segment);
            }
            write(writer, Segment.of("SE", Integer.toString(body.size() + 2), "0001"));
            write(writer, Segment.of("GE", "1", group));
            write(writer, Segment.of("IEA", "1", control));
            writer.endInterchange();
            writer.close();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot write the X12 interchange: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void write(EDIStreamWriter writer, Segment segment) throws EDIStreamException {
        writer.writeStartSegment(segment.tag());
        for (List<String> element : segment.elements()) {
            if (element.size() == 1) {
                writer.writeElement(element.get(0));
            } else {
                writer.writeStartElement();
                for (String component : element) {
                    writer.writeComponent(component);
                }
                writer.endElement();
            }
        }
        writer.writeEndSegment();
    }

    private static Schema controlSchema() {
        try {
            return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                    new String[] {"00501"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no X12 00501 control schema", e);
        }
    }

    private static String pad(String id) {
        return String.format("%-15.15s", id);
    }
}
