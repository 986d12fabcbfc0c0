package health.salus.security.web;

import health.salus.security.PasswordResets;
import health.salus.security.PasswordResets.Link;
import health.salus.security.PasswordResets.LinkState;
import health.salus.security.credential.WeakPasswordException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?" from the sign-in page: asking always gets the same answer, whether an
 * account matched or not; the emailed link leads to a form for the new password. The token travels
 * in the link and then in a hidden field, is never logged, and the pages send no referrer. A dead
 * link gets a page saying so: 400 when the token was never issued, 410 when it was used or expired.
 */
@Controller
class PasswordResetController {

    static final String REQUEST = "/password-reset";
    static final String NEW_PASSWORD = "/password-reset/new";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping(REQUEST)
    String requestForm(Model model) {
        model.addAttribute("missing", false);
        return "security/password-reset-request";
    }

    @PostMapping(REQUEST)
    String request(@RequestParam(defaultValue = "") String identifier, Model model) {
        if (identifier.isBlank()) {
            model.addAttribute("missing", true);
            return "security/password-reset-request";
        }
        resets.request(identifier);
        return "redirect:" + REQUEST + "/sent";
    }

    @GetMapping(REQUEST + "/sent")
    String sent() {
        return "security/password-reset-sent";
    }

    @GetMapping(NEW_PASSWORD)
    String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        Link link = resets.check(token);
        if (link.state() != LinkState.USABLE) {
            return invalid(link.state(), response);
        }
        return form(token, link, List.of(), false, model);
    }

    @PostMapping(NEW_PASSWORD)
    String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
        Link link = resets.check(token);
        if (link.state() != LinkState.USABLE) {
            return invalid(link.state(), response);
        }
        if (!password.equals(confirmation)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, link, List.of(), true, model);
        }
        try {
            LinkState outcome = resets.reset(token, password);
            if (outcome != LinkState.USABLE) {
                return invalid(outcome, response);
            }
        } catch (WeakPasswordException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, link, e.problems(), false, model);
        }
        return "redirect:/login?passwordReset";
    }

    private static String form(String token, Link link, List<String> problems, boolean mismatch, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("username", link.username().orElse(""));
        model.addAttribute("problems", problems);
        model.addAttribute("mismatch", mismatch);
        return "security/password-reset";
    }

    private static String invalid(LinkState state, HttpServletResponse response) {
        response.setStatus(state == LinkState.SPENT ? HttpStatus.GONE.value() : HttpStatus.BAD_REQUEST.value());
        return "security/password-reset-invalid";
    }
}
