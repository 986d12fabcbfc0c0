package health.salus.audit.verification;

import health.salus.audit.ChainStatus;
import health.salus.audit.ChainVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Verifies the chain on request, for those who answer for its integrity ({@link ChainStatus#VERIFIERS}). */
@RestController
class VerificationController {

    private final ChainStatus status;

    VerificationController(ChainStatus status) {
        this.status = status;
    }

    @GetMapping("/api/audit/verification")
    ChainVerification verification() {
        return status.verifyNow();
    }
}
