package health.salus.audit.verification;

import health.salus.audit.AuditIntegrity;
import health.salus.audit.AuditOutcome;
import health.salus.audit.ChainStatus;
import health.salus.audit.ChainVerification;
import health.salus.audit.recording.AuditAccess;
import health.salus.security.Subject;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The chain's verification for the API and the screens alike: one rule of who may, one way of recording it. */
@Service
class ChainStatusService implements ChainStatus {

    private final AuditIntegrity integrity;
    private final AuditAccess access;

    ChainStatusService(AuditIntegrity integrity, AuditAccess access) {
        this.integrity = integrity;
        this.access = access;
    }

    @Override
    public Optional<ChainVerification> latest() {
        access.require(VERIFIERS, "verification-status");
        return integrity.lastVerification();
    }

    @Override
    public ChainVerification verifyNow() {
        Subject subject = access.require(VERIFIERS, "verify");
        ChainVerification result = integrity.verify();
        access.record(subject, "verify", AuditOutcome.SUCCESS, null, result.valid() ? "chain-valid" : "chain-invalid");
        return result;
    }
}
