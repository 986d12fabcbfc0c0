package health.salus.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; a sign-in waiting for its second factor goes straight back to that step. */
@Controller
class SignInController {

    private final DemoSignInHints demo;
    private final Clock clock;

    SignInController(DemoSignInHints demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        if (PendingSignIn.in(request, clock.instant()).isPresent()) {
            return "redirect:/login/mfa";
        }
        model.addAttribute("demo", demo.enabled());
        model.addAttribute("demoUsernames", demo.usernames());
        model.addAttribute("demoPassword", demo.password());
        return "security/login";
    }
}
