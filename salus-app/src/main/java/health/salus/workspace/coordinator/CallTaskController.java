package health.salus.workspace.coordinator;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import health.salus.platform.InvalidFieldsException;
import health.salus.web.DisplayText;
import health.salus.workspace.coordinator.ConfirmationCalls.CallClosedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's confirmation calls for appointments at high risk of a no-show, soonest due first, and
 * what came of each call. After an action the list says what was recorded; a call someone else closed
 * meanwhile, or an appointment that can no longer be cancelled, is said in words, never a stack trace.
 */
@Controller
class CallTaskController {

    private final CoordinatorPages pages;
    private final ConfirmationCalls calls;
    private final CallRows rows;

    CallTaskController(CoordinatorPages pages, ConfirmationCalls calls, CallRows rows) {
        this.pages = pages;
        this.calls = calls;
        this.rows = rows;
    }

    @GetMapping(CoordinatorPages.CALLS)
    String list(HttpServletRequest request, Locale locale, Model model) {
        pages.requireCalls();
        ZoneId zone = pages.zone(request);
        model.addAttribute("calls", calls.open().stream().map(call -> rows.row(call, zone, locale)).toList());
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "workspace/coordinator/calls";
    }

    @PostMapping(CoordinatorPages.CALLS + "/{id}/confirmed")
    String confirmed(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, "confirmed", () -> calls.confirmed(id), redirect);
    }

    @PostMapping(CoordinatorPages.CALLS + "/{id}/no-answer")
    String noAnswer(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, "noAnswer", () -> calls.noAnswer(id), redirect);
    }

    @PostMapping(CoordinatorPages.CALLS + "/{id}/cancelled")
    String cancelled(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, "cancelled", () -> calls.patientCancelled(id), redirect);
    }

    private String act(String id, String outcome, Runnable action, RedirectAttributes redirect) {
        pages.requireCalls();
        try {
            action.run();
            redirect.addFlashAttribute("recorded", outcome);
        } catch (CallClosedException closed) {
            redirect.addFlashAttribute("problem", "closed");
        } catch (InvalidFieldsException notCancellable) {
            redirect.addFlashAttribute("problem", "notCancellable");
        } catch (ForbiddenOperationException refused) {
            throw refused;
        } catch (BaseServerResponseException changed) {
            // changed by someone else meanwhile (409/412): nothing was recorded, the list shows it as it is now
            redirect.addFlashAttribute("problem", "changed");
        }
        return "redirect:" + CoordinatorPages.CALLS;
    }
}
