package health.salus.web.home;

import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import health.salus.security.Subject;
import health.salus.web.PageNotPermittedException;
import health.salus.web.RoleHomes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Signing in lands on "/", which sends each user to their role's home. The roles whose workspaces are
 * still to come get a home page that says what they can use today.
 */
@Controller
class HomeController {

    private final CurrentSubject currentSubject;

    HomeController(CurrentSubject currentSubject) {
        this.currentSubject = currentSubject;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + RoleHomes.homeOf(currentSubject.require().roles());
    }

    @GetMapping("/home/{roleCode}")
    String roleHome(@PathVariable String roleCode, Model model) {
        Subject subject = currentSubject.require();
        Role role = Role.fromCode(roleCode).filter(subject::hasRole).orElseThrow(PageNotPermittedException::new);
        model.addAttribute("role", role.code());
        return "web/home";
    }
}
