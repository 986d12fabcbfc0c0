package health.salus.workspace.admin;

import health.salus.audit.AuditReports;
import health.salus.audit.ChainStatus;
import health.salus.audit.SecurityAlerts;
import health.salus.security.AccessPolicyReadout;
import health.salus.security.Accounts;
import health.salus.web.NavigationLinks;
import java.util.List;
import org.springframework.stereotype.Component;

/** The administration and privacy office links, each shown to the roles its page opens for. */
@Component
class AdminNavigation implements NavigationLinks {

    @Override
    public List<Link> links() {
        return List.of(
                Link.forRoles("admin.nav.users", AdminPages.USERS, Accounts.ADMINISTRATORS),
                Link.forRoles("admin.nav.audit", AdminPages.AUDIT, AuditReports.READERS),
                Link.forRoles("admin.nav.alerts", AdminPages.ALERTS, SecurityAlerts.HANDLERS),
                Link.forRoles("admin.nav.verification", AdminPages.VERIFICATION, ChainStatus.VERIFIERS),
                Link.forRoles("admin.nav.policy", AdminPages.POLICY, AccessPolicyReadout.READERS));
    }
}
