package health.salus.audit.monitoring;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The security monitors' alerts for privacy officers: list, open one, acknowledge. */
@RestController
@RequestMapping("/api/audit/alerts")
class AlertController {

    private static final int MAX_LISTED = 200;
    private static final String ID = "[A-Za-z0-9\\-]{1,64}";

    private final Alerts alerts;
    private final OfficerAccess access;

    AlertController(Alerts alerts, OfficerAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    /** Newest first; {@code status=open} for the unacknowledged ones only. */
    @GetMapping
    List<Alert> list(@RequestParam(defaultValue = "all") String status) {
        access.requirePrivacyOfficer("alerts-list");
        if (!status.equals("all") && !status.equals("open")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status: 'open' or 'all'");
        }
        return alerts.latest(status.equals("open"), MAX_LISTED);
    }

    @GetMapping("/{id}")
    Alert one(@PathVariable String id) {
        access.requirePrivacyOfficer("alert-read");
        return alerts.find(valid(id)).orElseThrow(AlertController::notFound);
    }

    @PostMapping("/{id}/acknowledgement")
    Alert acknowledge(@PathVariable String id) {
        var officer = access.requirePrivacyOfficer("alert-acknowledge");
        return alerts.acknowledge(valid(id), officer, access.origin(), java.util.Optional.empty())
                .orElseThrow(AlertController::notFound);
    }

    private static String valid(String id) {
        if (!id.matches(ID)) {
            throw notFound();
        }
        return id;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such alert");
    }
}
