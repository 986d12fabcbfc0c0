package health.salus.workspace.coordinator;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.patients.mpi.review.DuplicateReview;
import health.salus.patients.mpi.review.DuplicateReviewDesk;
import health.salus.patients.mpi.review.ReviewRefusedException;
import health.salus.patients.mpi.review.ReviewedPair;
import health.salus.web.DisplayText;
import jakarta.servlet.http.HttpServletRequest;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duplicate review queue: the open pairs (score, the fields that agreed, when found), one pair side by
 * side, and the two decisions — "not a duplicate", or a merge into the record the reviewer chooses after a
 * confirmation step — through the patients module's {@link DuplicateReviewDesk} as the signed-in user.
 * After a decision the queue says what was done; a refusal (decided meanwhile, merge refused) comes back to
 * the pair as a message.
 */
@Controller
class DuplicateQueueController {

    static final int PAGE_SIZE = 20;

    private final CoordinatorPages pages;
    private final DuplicateReviewDesk desk;

    DuplicateQueueController(CoordinatorPages pages, DuplicateReviewDesk desk) {
        this.pages = pages;
        this.desk = desk;
    }

    /** One row of the queue, already in the reader's zone and language. */
    record QueuedPair(String id, String score, List<String> agreements, String found) {
    }

    @GetMapping(CoordinatorPages.DUPLICATES)
    String queue(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, Locale locale, Model model) {
        pages.requireReviewer();
        int current = Math.max(page, 1);
        // one more than a page tells whether there is a next one
        List<DuplicateReview> open = desk.open((current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        ZoneId zone = pages.zone(request);
        model.addAttribute("pairs", open.stream().limit(PAGE_SIZE).map(r -> queued(r, zone, locale)).toList());
        model.addAttribute("page", current);
        model.addAttribute("hasNext", open.size() > PAGE_SIZE);
        model.addAttribute("zoneLabel", DisplayText.zoneName(zone, locale));
        return "workspace/coordinator/duplicates";
    }

    @GetMapping(CoordinatorPages.DUPLICATES + "/{id}")
    String pair(@PathVariable String id, Locale locale, Model model) {
        pages.requireReviewer();
        show(pair(id), locale, model);
        return "workspace/coordinator/duplicate";
    }

    /** The confirmation step: which record stays, which is merged into it. Changes nothing. */
    @GetMapping(CoordinatorPages.DUPLICATES + "/{id}/merge")
    String confirmMerge(@PathVariable String id, @RequestParam Optional<String> survivor, Locale locale,
            Model model) {
        pages.requireReviewer();
        ReviewedPair pair = pair(id);
        DuplicateReview review = pair.review();
        if (survivor.filter(review::names).isEmpty() || !pair.bothVisible()
                || review.status() != DuplicateReview.Status.OPEN) {
            show(pair, locale, model);
            model.addAttribute("chooseSurvivor", survivor.filter(review::names).isEmpty());
            return "workspace/coordinator/duplicate";
        }
        boolean keepNew = survivor.get().equals(review.newPatientId());
        model.addAttribute("review", review);
        model.addAttribute("survivorId", survivor.get());
        model.addAttribute("survivorName", name(keepNew ? pair.newPatient() : pair.candidatePatient()));
        model.addAttribute("mergedName", name(keepNew ? pair.candidatePatient() : pair.newPatient()));
        model.addAttribute("rows", SideBySide.rows(pair.newPatient().orElseThrow(), pair.candidatePatient().orElseThrow(),
                locale));
        model.addAttribute("keepNew", keepNew);
        return "workspace/coordinator/merge";
    }

    @PostMapping(CoordinatorPages.DUPLICATES + "/{id}/merge")
    String merge(@PathVariable String id, @RequestParam(defaultValue = "") String survivor,
            RedirectAttributes redirect) {
        pages.requireReviewer();
        try {
            desk.merge(id, survivor);
            redirect.addFlashAttribute("decided", "merged");
            return "redirect:" + CoordinatorPages.DUPLICATES;
        } catch (ReviewRefusedException refused) {
            return refusal(id, refused, redirect);
        } catch (ForbiddenOperationException forbidden) {
            throw forbidden;
        } catch (BaseServerResponseException changedOrGone) {
            // a record changed or gone meanwhile (404, 409, 412): the merge changed nothing
            redirect.addFlashAttribute("refused", ReviewRefusedException.Reason.MERGE_REFUSED.name());
            return "redirect:" + CoordinatorPages.duplicate(id);
        }
    }

    @PostMapping(CoordinatorPages.DUPLICATES + "/{id}/not-duplicate")
    String notDuplicate(@PathVariable String id, RedirectAttributes redirect) {
        pages.requireReviewer();
        try {
            desk.notDuplicate(id);
            redirect.addFlashAttribute("decided", "notDuplicate");
            return "redirect:" + CoordinatorPages.DUPLICATES;
        } catch (ReviewRefusedException refused) {
            return refusal(id, refused, redirect);
        }
    }

    private String refusal(String id, ReviewRefusedException refused, RedirectAttributes redirect) {
        if (refused.reason() == ReviewRefusedException.Reason.NOT_FOUND) {
            throw new ResourceNotFoundException("No such duplicate review");
        }
        redirect.addFlashAttribute("refused", refused.reason().name());
        return "redirect:" + CoordinatorPages.duplicate(id);
    }

    private ReviewedPair pair(String id) {
        try {
            return desk.pair(id);
        } catch (ReviewRefusedException notFound) {
            throw new ResourceNotFoundException("No such duplicate review");
        }
    }

    private static void show(ReviewedPair pair, Locale locale, Model model) {
        model.addAttribute("review", pair.review());
        model.addAttribute("bothVisible", pair.bothVisible());
        model.addAttribute("open", pair.review().status() == DuplicateReview.Status.OPEN);
        model.addAttribute("newName", name(pair.newPatient()));
        model.addAttribute("candidateName", name(pair.candidatePatient()));
        model.addAttribute("rows", pair.bothVisible() ? SideBySide.rows(pair.newPatient().orElseThrow(),
                pair.candidatePatient().orElseThrow(), locale) : List.of());
        model.addAttribute("score", score(pair.review().score(), locale));
        model.addAttribute("agreements", pair.review().agreements());
        if (!model.containsAttribute("chooseSurvivor")) {
            model.addAttribute("chooseSurvivor", false);
        }
    }

    private static String name(Optional<org.hl7.fhir.r4.model.Patient> patient) {
        return patient.map(p -> DisplayText.name(p.getNameFirstRep())).orElse("");
    }

    private static QueuedPair queued(DuplicateReview review, ZoneId zone, Locale locale) {
        return new QueuedPair(review.id(), score(review.score(), locale), review.agreements(),
                DisplayText.dateTime(review.createdAt(), zone, locale));
    }

    private static String score(double score, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(score);
    }
}
