package health.salus.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form is a published format: pinned here so a change to it cannot go unnoticed. */
class ChainHashingTest {

    private static final Instant RECORDED = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final AuditRecord RECORD = new AuditRecord(Instant.parse("2026-03-01T10:15:30.000001Z"),
            AuditCategory.PATIENT_DATA, "read", AuditOutcome.SUCCESS,
            new AuditRecord.Actor("acc-1", List.of("nurse", "physician"), null), "pat-1", "Observation",
            List.of("obs-1", "obs-2"), PurposeOfUse.TREATMENT, new AuditRecord.Origin("10.0.0.1", "Mozilla/5.0", "r1"),
            null);

    @Test
    void theCanonicalFormLengthPrefixesEveryFieldInAFixedOrder() {
        String form = new String(ChainHashing.canonical(7, RECORDED, RECORD), StandardCharsets.UTF_8);
        assertThat(form).isEqualTo("salus-audit-v1\nsequence=1:7\nrecorded_at=27:2026-03-01T10:15:30.123456Z\n"
                + "occurred_at=27:2026-03-01T10:15:30.000001Z\ncategory=12:PATIENT_DATA\naction=4:read\n"
                + "outcome=7:SUCCESS\nactor_id=5:acc-1\nactor_roles=2[5:nurse9:physician]\non_behalf_of=-\n"
                + "patient_id=5:pat-1\nresource_type=11:Observation\nresource_ids=2[5:obs-15:obs-2]\n"
                + "purpose=9:TREATMENT\nclient_ip=8:10.0.0.1\nuser_agent=11:Mozilla/5.0\nrequest_id=2:r1\ndetail=-\n");
    }

    @Test
    void theHashChangesWithEveryFieldThePreviousHashAndThePosition() {
        String hash = ChainHashing.hash(ChainHashing.GENESIS, 7, RECORDED, RECORD);
        assertThat(hash).hasSize(64).isEqualTo(ChainHashing.hash(ChainHashing.GENESIS, 7, RECORDED, RECORD));
        assertThat(ChainHashing.hash(ChainHashing.GENESIS, 8, RECORDED, RECORD)).isNotEqualTo(hash);
        assertThat(ChainHashing.hash("1".repeat(64), 7, RECORDED, RECORD)).isNotEqualTo(hash);
        AuditRecord otherIp = new AuditRecord(RECORD.occurredAt(), RECORD.category(), RECORD.action(),
                RECORD.outcome(), RECORD.actor(), RECORD.patientId(), RECORD.resourceType(), RECORD.resourceIds(),
                RECORD.purpose(), new AuditRecord.Origin("10.0.0.2", "Mozilla/5.0", "r1"), null);
        assertThat(ChainHashing.hash(ChainHashing.GENESIS, 7, RECORDED, otherIp)).isNotEqualTo(hash);
        // a value moved from one field to the next cannot give the same form
        AuditRecord shifted = new AuditRecord(RECORD.occurredAt(), RECORD.category(), RECORD.action(),
                RECORD.outcome(), new AuditRecord.Actor("acc-1", List.of("nurse,physician"), null), RECORD.patientId(),
                RECORD.resourceType(), RECORD.resourceIds(), RECORD.purpose(), RECORD.origin(), null);
        assertThat(ChainHashing.hash(ChainHashing.GENESIS, 7, RECORDED, shifted)).isNotEqualTo(hash);
    }
}
