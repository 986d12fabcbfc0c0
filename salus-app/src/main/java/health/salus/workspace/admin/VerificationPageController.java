package health.salus.workspace.admin;

import health.salus.audit.ChainStatus;
import health.salus.audit.ChainVerification;
import health.salus.web.DisplayText;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whether the audit trail's hash chain is intact: the last verification (hourly, or on demand here),
 * how far it reached, and any break flagged with where it is and what kind.
 */
@Controller
class VerificationPageController {

    private final ChainStatus chain;
    private final AdminPages pages;

    VerificationPageController(ChainStatus chain, AdminPages pages) {
        this.chain = chain;
        this.pages = pages;
    }

    @GetMapping(AdminPages.VERIFICATION)
    String status(HttpServletRequest request, Locale locale, Model model) {
        Optional<ChainVerification> latest = AdminPages.refusedAsPage(chain::latest);
        model.addAttribute("result", latest.orElse(null));
        model.addAttribute("verifiedAt", latest.map(v -> DisplayText.fullDateTime(v.verifiedAt(), pages.zone(request),
                locale)).orElse(""));
        return "workspace/admin/verification";
    }

    @PostMapping(AdminPages.VERIFICATION)
    String verifyNow(RedirectAttributes redirect) {
        AdminPages.refusedAsPage(chain::verifyNow);
        redirect.addFlashAttribute("done", "admin.verification.done");
        return "redirect:" + AdminPages.VERIFICATION;
    }
}
