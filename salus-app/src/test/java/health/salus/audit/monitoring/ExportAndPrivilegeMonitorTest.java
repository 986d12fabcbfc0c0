package health.salus.audit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import health.salus.support.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bulk exports and privilege changes alert; ordinary reads and account creation do not. */
class ExportAndPrivilegeMonitorTest extends MonitorTest {

    @Autowired
    Accounts accounts;
    @Autowired
    SystemAccess systemAccess;

    @Test
    void oneRequestTouchingFiftyPatientsAlertsButFortyNineDoNot() {
        String reader = unique("acct");
        String smallRequest = unique("req");
        recordAndSettle(IntStream.range(0, 49).mapToObj(i -> access(reader, unique("pat"), Instant.now(), smallRequest))
                .toList());
        assertThat(alerts(AlertRule.BULK_EXPORT, reader)).isEmpty();

        String bigRequest = unique("req");
        recordAndSettle(IntStream.range(0, 50).mapToObj(i -> access(reader, unique("pat"), Instant.now(), bigRequest))
                .toList());
        assertThat(alerts(AlertRule.BULK_EXPORT, reader)).singleElement()
                .satisfies(alert -> assertThat(alert.detail()).isEqualTo("export=request patients=50"));
    }

    @Test
    void aWholeRecordExportAlertsOncePerPatient() {
        String reader = unique("acct");
        String patientId = unique("pat");
        AuditRecord everything = new AuditRecord(Instant.now(), AuditCategory.PATIENT_DATA, "$everything",
                AuditOutcome.SUCCESS, new AuditRecord.Actor(reader, List.of("physician"), null), patientId, "Patient",
                List.of(patientId), PurposeOfUse.TREATMENT, AuditRecord.Origin.NONE, null);
        recordAndSettle(List.of(everything, everything));
        assertThat(alerts(AlertRule.BULK_EXPORT, reader)).singleElement()
                .satisfies(alert -> assertThat(alert.patientId()).isEqualTo(patientId));
    }

    @Test
    void anAllowedExportOfTheAuditTrailAlertsButARefusedOneDoesNot() {
        String refused = unique("acct");
        String officer = unique("acct");
        recordAndSettle(List.of(trailExport(refused, AuditOutcome.DENIED)));
        assertThat(alerts(AlertRule.BULK_EXPORT, refused)).isEmpty();
        recordAndSettle(List.of(trailExport(officer, AuditOutcome.SUCCESS)));
        assertThat(alerts(AlertRule.BULK_EXPORT, officer)).singleElement()
                .satisfies(alert -> assertThat(alert.detail()).isEqualTo("export=audit-trail action=export"));
    }

    private static AuditRecord trailExport(String actor, AuditOutcome outcome) {
        return new AuditRecord(Instant.now(), AuditCategory.AUDIT, "export", outcome,
                new AuditRecord.Actor(actor, List.of("privacy-officer"), null), null, null, List.of(),
                PurposeOfUse.OPERATIONS, AuditRecord.Origin.NONE, "csv");
    }

    @Test
    void grantingARoleAlertsButCreatingAnAccountDoesNot() {
        String administrator = unique("admin");
        String accountId = systemAccess.call(administrator, () -> accounts.idOf(TestUsers.create(accounts,
                Role.NURSE, null)).orElseThrow());
        settle();
        assertThat(alerts(AlertRule.PRIVILEGE_CHANGE, "system:" + administrator)).isEmpty();

        systemAccess.run(administrator, () -> accounts.grantRole(accountId, Role.PHYSICIAN));
        settle();
        assertThat(alerts(AlertRule.PRIVILEGE_CHANGE, "system:" + administrator)).singleElement()
                .satisfies(alert -> assertThat(alert.detail()).isEqualTo("action=role-granted account=" + accountId
                        + " role=physician"));
    }
}
