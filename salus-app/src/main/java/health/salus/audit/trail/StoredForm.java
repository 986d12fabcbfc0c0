package health.salus.audit.trail;

import health.salus.audit.AuditRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A record cut to what the columns hold, before it is hashed: text without control characters and
 * within the column sizes, list items without commas (they are stored comma-separated), instants in
 * microseconds. Hashing what is stored means reading a row back always reproduces its hash.
 */
final class StoredForm {

    private StoredForm() {
    }

    static AuditRecord of(AuditRecord record, Instant recordedAt) {
        AuditRecord.Actor actor = record.actor();
        AuditRecord.Origin origin = record.origin();
        return new AuditRecord(micros(record.occurredAt()), record.category(), text(record.action(), 64),
                record.outcome(),
                new AuditRecord.Actor(text(actor.id(), 128), items(actor.roles(), 40, 512),
                        text(actor.onBehalfOf(), 128)),
                text(record.patientId(), 64), text(record.resourceType(), 64),
                items(record.resourceIds(), 64, Integer.MAX_VALUE), record.purpose(),
                new AuditRecord.Origin(text(origin.clientIp(), 64), text(origin.userAgent(), 256),
                        text(origin.requestId(), 64)),
                text(record.detail(), 256));
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        // cut on a code point boundary, never inside a surrogate pair
        return clean.length() <= max ? clean : clean.substring(0, Character.isHighSurrogate(clean.charAt(max - 1))
                ? max - 1 : max);
    }

    private static List<String> items(List<String> values, int maxItem, int maxJoined) {
        long[] length = {0};
        return values.stream().filter(v -> v != null).map(v -> text(v.replace(',', '_'), maxItem))
                .filter(v -> !v.isEmpty()).takeWhile(v -> (length[0] += v.length() + 1) <= maxJoined + 1L).toList();
    }

    static String join(List<String> items) {
        return String.join(",", items);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(",", -1));
    }
}
