package health.salus.workspace.frontdesk;

import health.salus.workspace.FormErrors;
import health.salus.patients.registration.DuplicatePatientException;
import health.salus.patients.registration.Registrations;
import health.salus.platform.InvalidFieldsException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering a patient at the desk: every field checked at once (a summary at the top, each error at
 * its field), then the master patient index asked before anything is stored. Possible duplicates are
 * shown with the choice to open one of them or register anyway (then queued for duplicate review);
 * a certain duplicate can only be opened, as the registration service refuses it.
 */
@Controller
class RegistrationPageController {

    private final FrontDeskPages pages;
    private final Registrations registrations;
    private final Directory directory;
    private final MessageSource messages;

    RegistrationPageController(FrontDeskPages pages, Registrations registrations, Directory directory,
            MessageSource messages) {
        this.pages = pages;
        this.registrations = registrations;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping(FrontDeskPages.REGISTER)
    String form(Model model) {
        pages.requireRegistration();
        return page(RegistrationForm.empty(), FormErrors.none(), model);
    }

    @PostMapping(FrontDeskPages.PATIENTS)
    String register(@ModelAttribute RegistrationForm form, Model model, Locale locale, RedirectAttributes redirect) {
        pages.requireRegistration();
        try {
            if (!form.confirmedDespiteDuplicates()) {
                Registrations.DuplicateScreening screening = registrations.screen(form.toRequest());
                if (screening.anyCandidates()) {
                    return duplicates(form, screening.certain(), screening.candidatePatientIds(), model);
                }
            }
            Registrations.Registered registered = registrations.register(form.toRequest());
            redirect.addFlashAttribute("registeredMrn", registered.mrn());
            redirect.addFlashAttribute("possibleDuplicate", registered.possibleDuplicate());
            return "redirect:" + FrontDeskPages.PATIENTS + "/" + registered.patientId();
        } catch (InvalidFieldsException e) {
            return page(form, FormErrors.of(e, RegistrationForm.CONTROLS, "given", messages, locale), model);
        } catch (DuplicatePatientException e) {
            return duplicates(form, true, List.of(e.existingPatientId()), model);
        }
    }

    private String duplicates(RegistrationForm form, boolean certain, List<String> candidateIds, Model model) {
        model.addAttribute("duplicates", candidateIds.stream().map(id -> PatientFacts.of(directory.readPatient(id)))
                .toList());
        model.addAttribute("certainDuplicate", certain);
        return page(form, FormErrors.none(), model);
    }

    private String page(RegistrationForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("payers", registrations.payers());
        model.addAttribute("genders", List.of("female", "male", "other", "unknown"));
        return "workspace/frontdesk/register";
    }
}
