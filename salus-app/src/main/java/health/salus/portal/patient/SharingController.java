package health.salus.portal.patient;

import health.salus.platform.InvalidFieldsException;
import health.salus.portal.access.PortalAccess;
import health.salus.portal.access.PortalPaths;
import health.salus.portal.record.RecordPart;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sharing: who can see the patient's record now (with a revoke button each), and their family members
 * and providers to share it with — a family member chosen parts of it. A refused grant comes back with
 * an error summary that leads to the field at fault.
 */
@Controller
class SharingController {

    private final PortalAccess access;
    private final Sharing sharing;

    SharingController(PortalAccess access, Sharing sharing) {
        this.access = access;
        this.sharing = sharing;
    }

    @GetMapping(PortalPaths.SHARING)
    String page(@RequestParam Optional<String> done, Model model) {
        String patientId = access.requireOwnPatient();
        model.addAttribute("done", done.filter(d -> d.equals("granted") || d.equals("revoked")).orElse(""));
        return page(patientId, model);
    }

    @PostMapping(PortalPaths.SHARING + "/grant")
    String grant(@RequestParam String person, @RequestParam(required = false) List<String> parts, Model model) {
        String patientId = access.requireOwnPatient();
        Set<RecordPart> chosen = EnumSet.noneOf(RecordPart.class);
        Optional.ofNullable(parts).orElse(List.of()).forEach(key -> RecordPart.byKey(key).ifPresent(chosen::add));
        try {
            sharing.grant(patientId, person, chosen);
            return "redirect:" + PortalPaths.SHARING + "?done=granted";
        } catch (InvalidFieldsException invalid) {
            model.addAttribute("errorPerson", person);
            model.addAttribute("errorField", invalid.problems().get(0).field());
            model.addAttribute("done", "");
            return page(patientId, model);
        }
    }

    @PostMapping(PortalPaths.SHARING + "/{consentId}/revoke")
    String revoke(@PathVariable String consentId) {
        String patientId = access.requireOwnPatient();
        sharing.revoke(patientId, consentId);
        return "redirect:" + PortalPaths.SHARING + "?done=revoked";
    }

    private String page(String patientId, Model model) {
        List<Sharing.Grant> grants = sharing.grants(patientId);
        Set<String> granted = new java.util.HashSet<>(grants.stream().map(g -> g.person().reference()).toList());
        List<Sharing.Person> people = sharing.people(patientId).stream()
                .filter(p -> !granted.contains(p.reference())).toList();
        model.addAttribute("grants", grants);
        model.addAttribute("family", people.stream().filter(Sharing.Person::family).toList());
        model.addAttribute("providers", people.stream().filter(p -> !p.family()).toList());
        model.addAttribute("parts", RecordPart.values());
        return "portal/sharing";
    }
}
