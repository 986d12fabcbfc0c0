package health.salus.workspace.admin;

import health.salus.web.PageNotPermittedException;
import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administration and privacy office screens' paths, and the reader's time zone. Who each screen
 * opens for is not in the access policy file (it describes FHIR data, not accounts or the audit
 * trail's tools), so each screen uses the role set its owning module publishes for its REST API. The
 * account and policy screens ask {@code PageAccess.requireAnyRole} ({@code Accounts.ADMINISTRATORS},
 * {@code AccessPolicyReadout.READERS}), as {@code /api/security} does, unrecorded like it. The audit
 * screens leave the check to the audit services ({@code AuditReports.READERS}, {@code SecurityAlerts.HANDLERS},
 * {@code ChainStatus.VERIFIERS}), which record a refusal in the trail before answering 403 — shown as the
 * "not permitted" page — exactly as the audit API does.
 */
@Component
class AdminPages {

    static final String USERS = "/admin/users";
    static final String NEW_USER = "/admin/users/new";
    static final String POLICY = "/admin/policy";
    static final String AUDIT = "/admin/audit";
    static final String AUDIT_EXPORT = "/admin/audit/export";
    static final String ALERTS = "/admin/alerts";
    static final String VERIFICATION = "/admin/verification";

    private final ZoneId clinicZone;

    AdminPages(@Value("${salus.web.clinic-zone:America/New_York}") ZoneId clinicZone) {
        this.clinicZone = clinicZone;
    }

    /**
     * Runs an audit service call for a page: the service's recorded refusal (a 403 meant for API callers)
     * becomes the "not permitted" page.
     */
    static <T> T refusedAsPage(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResponseStatusException e) {
            if (e.getStatusCode().value() == 403) {
                throw new PageNotPermittedException();
            }
            throw e;
        }
    }

    ZoneId zone(HttpServletRequest request) {
        return UserTimeZone.of(request, clinicZone);
    }
}
