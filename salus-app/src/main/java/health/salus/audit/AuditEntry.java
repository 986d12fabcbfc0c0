package health.salus.audit;

/**
 * A record as the trail holds it: its position in the chain and the hashes that chain it. {@code hash}
 * is SHA-256 over the previous entry's hash and this entry's canonical form, hex encoded.
 */
public record AuditEntry(long sequence, AuditRecord record, String previousHash, String hash) {
}
