package health.salus.workspace.admin;

import health.salus.web.UserTimeZone;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The administration and privacy office screens' paths, and the reader's time zone. Who each screen
 * opens for is not in the access policy file (it describes FHIR data, not accounts or the audit
 * trail's tools), so each screen asks the role set its owning module publishes for its REST API
 * ({@code Accounts.ADMINISTRATORS}, {@code AccessPolicyReadout.READERS}, {@code AuditReports.READERS},
 * {@code SecurityAlerts.HANDLERS}, {@code ChainStatus.VERIFIERS}); the audit services check and record it
 * again, so a refusal is in the trail.
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

    ZoneId zone(HttpServletRequest request) {
        return UserTimeZone.of(request, clinicZone);
    }
}
