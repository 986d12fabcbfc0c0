package health.salus.audit.trail;

import health.salus.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form of an entry and its chain hash, format v1 (ADR 0004). Every field is written in
 * a fixed order as {@code name=value\n}, a value being {@code -} for null or {@code <UTF-8 byte
 * length>:<text>}, a list {@code <count>[<value>...]}, an instant ISO-8601 UTC with exactly six
 * fraction digits. Length prefixes make the form unambiguous whatever a field holds; the hash is
 * SHA-256 over the previous hash (64 lowercase hex digits, ASCII) followed by this form, hex encoded.
 */
public final class ChainHashing {

    /** The previous hash of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    private ChainHashing() {
    }

    public static String hash(String previousHash, long sequence, Instant recordedAt, AuditRecord record) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(sequence, recordedAt, record));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonical(long sequence, Instant recordedAt, AuditRecord record) {
        StringBuilder form = new StringBuilder(512).append("salus-audit-v1\n");
        field(form, "sequence", Long.toString(sequence));
        field(form, "recorded_at", time(recordedAt));
        field(form, "occurred_at", time(record.occurredAt()));
        field(form, "category", record.category().name());
        field(form, "action", record.action());
        field(form, "outcome", record.outcome().name());
        field(form, "actor_id", record.actor().id());
        list(form, "actor_roles", record.actor().roles());
        field(form, "on_behalf_of", record.actor().onBehalfOf());
        field(form, "patient_id", record.patientId());
        field(form, "resource_type", record.resourceType());
        list(form, "resource_ids", record.resourceIds());
        field(form, "purpose", record.purpose().name());
        field(form, "client_ip", record.origin().clientIp());
        field(form, "user_agent", record.origin().userAgent());
        field(form, "request_id", record.origin().requestId());
        field(form, "detail", record.detail());
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Instants as stored: UTC, microseconds (what both databases keep). */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static void field(StringBuilder form, String name, String value) {
        form.append(name).append('=');
        value(form, value);
        form.append('\n');
    }

    private static void list(StringBuilder form, String name, List<String> values) {
        form.append(name).append('=').append(values.size()).append('[');
        values.forEach(value -> value(form, value));
        form.append("]\n");
    }

    private static void value(StringBuilder form, String value) {
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
