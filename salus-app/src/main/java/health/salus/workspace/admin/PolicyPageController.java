package health.salus.workspace.admin;

import health.salus.security.AccessPolicyReadout;
import health.salus.web.DisplayText;
import health.salus.web.PageAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The access policy in words, for whoever answers for it or checks it: per role, which records it
 * reaches and what it may do with them, and which file that is (its hash, as the audit trail records
 * each policy loaded).
 */
@Controller
class PolicyPageController {

    private final PageAccess access;
    private final AccessPolicyReadout policy;
    private final AdminPages pages;

    PolicyPageController(PageAccess access, AccessPolicyReadout policy, AdminPages pages) {
        this.access = access;
        this.policy = policy;
        this.pages = pages;
    }

    @GetMapping(AdminPages.POLICY)
    String policy(HttpServletRequest request, Locale locale, Model model) {
        access.requireAnyRole(AccessPolicyReadout.READERS);
        AccessPolicyReadout.LoadedPolicy loaded = policy.current();
        ZoneId zone = pages.zone(request);
        model.addAttribute("policy", loaded);
        model.addAttribute("loadedAt", DisplayText.fullDateTime(loaded.loadedAt(), zone, locale));
        return "workspace/admin/policy";
    }
}
