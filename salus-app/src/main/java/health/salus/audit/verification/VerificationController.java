package health.salus.audit.verification;

import health.salus.audit.AuditIntegrity;
import health.salus.audit.AuditOutcome;
import health.salus.audit.ChainVerification;
import health.salus.audit.recording.AuditAccess;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the chain on request, for those who answer for its integrity. */
@RestController
class VerificationController {

    private static final Set<Role> VERIFIERS = Set.of(Role.AUDITOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR);

    private final AuditIntegrity integrity;
    private final AuditAccess access;

    VerificationController(AuditIntegrity integrity, AuditAccess access) {
        this.integrity = integrity;
        this.access = access;
    }

    @GetMapping("/api/audit/verification")
    ChainVerification verification() {
        Subject subject = access.require(VERIFIERS, "verify");
        ChainVerification result = integrity.verify();
        access.record(subject, "verify", AuditOutcome.SUCCESS, null, result.valid() ? "chain-valid" : "chain-invalid");
        return result;
    }
}
