package health.salus.messaging.demo;

import health.salus.security.CurrentSubject;
import health.salus.security.Role;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo's outbox: every email and text the loopback servers received, for administrators, as JSON
 * and as a page. Exists only with {@code salus.messaging.demo-outbox.enabled} (demo profile): with a
 * real mail server and gateway there is nothing to show, and message text is not for administrators.
 */
@Controller
@ConditionalOnProperty(name = "salus.messaging.demo-outbox.enabled", havingValue = "true")
class DemoOutboxController {

    private static final int LIMIT = 200;

    private final DemoOutbox outbox;
    private final CurrentSubject subjects;

    DemoOutboxController(DemoOutbox outbox, CurrentSubject subjects) {
        this.outbox = outbox;
        this.subjects = subjects;
    }

    @GetMapping("/api/messaging/demo-outbox")
    @ResponseBody
    List<DemoOutbox.Item> json() {
        requireAdministrator();
        return outbox.items(LIMIT);
    }

    @GetMapping("/demo/outbox")
    String page(Model model) {
        requireAdministrator();
        model.addAttribute("items", outbox.items(LIMIT));
        return "messaging/demo-outbox";
    }

    private void requireAdministrator() {
        if (!subjects.require().hasRole(Role.ADMINISTRATOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The demo outbox is for administrators");
        }
    }
}
