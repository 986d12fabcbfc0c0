package health.salus.scheduling.availability;

import health.salus.scheduling.availability.ScheduleSettings.PractitionerSettings;
import health.salus.scheduling.availability.ScheduleSettings.SiteSettings;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/scheduling/locations/{id}} and {@code PUT /api/scheduling/practitioners/{id}}. */
@RestController
class ScheduleSetupController {

    private final ScheduleSetup setup;

    ScheduleSetupController(ScheduleSetup setup) {
        this.setup = setup;
    }

    @PutMapping("/api/scheduling/locations/{id}")
    ResponseEntity<Void> site(@PathVariable String id, @RequestBody SiteSettings settings) {
        setup.configureSite(id, settings);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/scheduling/practitioners/{id}")
    ResponseEntity<Void> practitioner(@PathVariable String id, @RequestBody PractitionerSettings settings) {
        setup.configurePractitioner(id, settings);
        return ResponseEntity.noContent().build();
    }
}
