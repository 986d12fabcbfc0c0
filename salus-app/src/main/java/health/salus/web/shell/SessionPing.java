package health.salus.web.shell;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

/** "Stay signed in" on the idle warning: any request to the session resets its idle clock. */
@Controller
class SessionPing {

    @PostMapping("/session/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
