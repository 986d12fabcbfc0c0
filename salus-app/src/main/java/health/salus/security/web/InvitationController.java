package health.salus.security.web;

import health.salus.security.Accounts;
import health.salus.security.credential.WeakPasswordException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the link of a patient-portal invitation leads: the patient sees their username and sets a
 * password (the same policy and breached-password check as everywhere). The token travels in the link
 * and then in a hidden form field; it is never logged, and the page sends no referrer.
 */
@Controller
class InvitationController {

    private final Accounts accounts;

    InvitationController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/invitation")
    String form(@RequestParam(defaultValue = "") String token, Model model) {
        Optional<String> username = token.isBlank() ? Optional.empty() : accounts.invitedUsername(token);
        if (username.isEmpty()) {
            return "security/invitation-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("username", username.get());
        model.addAttribute("problems", List.of());
        model.addAttribute("mismatch", false);
        return "security/invitation";
    }

    @PostMapping("/invitation")
    String accept(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model) {
        Optional<String> username = token.isBlank() ? Optional.empty() : accounts.invitedUsername(token);
        if (username.isEmpty()) {
            return "security/invitation-invalid";
        }
        model.addAttribute("token", token);
        model.addAttribute("username", username.get());
        model.addAttribute("mismatch", !password.equals(confirmation));
        if (!password.equals(confirmation)) {
            model.addAttribute("problems", List.of());
            return "security/invitation";
        }
        try {
            if (accounts.acceptInvitation(token, password).isEmpty()) {
                return "security/invitation-invalid";
            }
        } catch (WeakPasswordException e) {
            model.addAttribute("problems", e.problems());
            return "security/invitation";
        }
        return "redirect:/login?invitationAccepted";
    }

}
