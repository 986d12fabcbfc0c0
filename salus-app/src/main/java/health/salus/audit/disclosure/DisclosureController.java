package health.salus.audit.disclosure;

import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.recording.AuditContext;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.audit.view.AuditEntries;
import health.salus.audit.view.PersonNames;
import health.salus.audit.view.ReportPeriod;
import health.salus.security.Role;
import health.salus.security.Subject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The accounting of disclosures of one patient's record ({@link DisclosureRule}), newest first: for a
 * privacy officer about any patient, and for a patient about their own record. The look is recorded.
 */
@RestController
class DisclosureController {

    static final String ACTION = "disclosures";
    /** HIPAA's accounting covers six years. */
    private static final int DEFAULT_DAYS = 6 * 366;
    private static final int SCAN_LIMIT = 5000;

    private final AuditContext context;
    private final AuditAccess access;
    private final AuditEntries entries;
    private final PersonNames names;
    private final Clock clock;

    DisclosureController(AuditContext context, AuditAccess access, AuditEntries entries, PersonNames names,
            Clock clock) {
        this.context = context;
        this.access = access;
        this.entries = entries;
        this.names = names;
        this.clock = clock;
    }

    /** Who received the data: a person (account, with their linked resource) or a system client. */
    record Recipient(String kind, String id, String name, String reference, String onBehalfOf) {
    }

    /** What was disclosed: a kind of resource and how many of them. */
    record Disclosed(String resourceType, int count, List<String> ids) {
    }

    record Disclosure(String date, Recipient recipient, String purpose, String purposeCode, boolean breakGlass,
            String action, Disclosed what) {
    }

    @GetMapping("/api/audit/disclosures")
    List<Disclosure> disclosures(@RequestParam(required = false) String patient,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Subject subject = context.subject().orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use this service"));
        String patientId = patientFor(subject, patient);
        ReportPeriod period = ReportPeriod.parse(from, to, DEFAULT_DAYS, clock);
        List<StoredEntry> candidates = entries.query().where(DisclosureRule.CANDIDATES)
                .where("patient_id = ?", patientId).from(period.from()).before(period.before()).page(0, SCAN_LIMIT);
        PersonNames.Lookup lookup = names.lookup();
        List<Disclosure> report = candidates.stream().map(StoredEntry::record).filter(DisclosureRule::isDisclosure)
                .map(record -> disclosure(record, lookup)).toList();
        access.record(subject, ACTION, AuditOutcome.SUCCESS, patientId, subject.hasRole(Role.PRIVACY_OFFICER)
                ? "privacy-officer" : "self");
        return report;
    }

    /** A privacy officer names the patient; a patient may ask only about themselves. */
    private String patientFor(Subject subject, String requested) {
        String asked = requested == null || requested.isBlank() ? null : requested.replace("Patient/", "");
        Optional<String> own = subject.hasRole(Role.PATIENT) ? subject.fhirUserId("Patient") : Optional.empty();
        if (subject.kind() == Subject.Kind.USER && subject.hasRole(Role.PRIVACY_OFFICER)) {
            if (asked == null || !asked.matches("[A-Za-z0-9\\-.]{1,64}")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "patient: a Patient id is required");
            }
            return asked;
        }
        if (subject.kind() == Subject.Kind.USER && own.isPresent() && (asked == null || asked.equals(own.get()))) {
            return own.get();
        }
        access.record(subject, ACTION, AuditOutcome.DENIED, null, "role-not-permitted");
        throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                "Only a privacy officer, or the patient for their own record, may see disclosures");
    }

    private static Disclosure disclosure(AuditRecord record, PersonNames.Lookup lookup) {
        String actor = record.actor().id();
        boolean client = actor != null && actor.startsWith("client:");
        Recipient recipient = new Recipient(client ? "system" : "person",
                client ? actor.substring("client:".length()) : actor, lookup.nameOf(actor),
                lookup.linkOf(actor).orElse(null), record.actor().onBehalfOf());
        boolean breakGlass = record.purpose() == PurposeOfUse.BREAK_GLASS || "break-glass".equals(record.detail());
        return new Disclosure(record.occurredAt().toString(), recipient, purposeName(record.purpose()),
                record.purpose().v3Code(), breakGlass, record.action(), new Disclosed(record.resourceType(),
                        record.resourceIds().size(), record.resourceIds()));
    }

    private static String purposeName(PurposeOfUse purpose) {
        return switch (purpose) {
            case TREATMENT -> "treatment";
            case PAYMENT -> "payment";
            case OPERATIONS -> "health care operations";
            case BREAK_GLASS -> "emergency access (break-glass)";
            case PATIENT_REQUEST -> "at the patient's request (family member or carer)";
            case SYSTEM -> "system-to-system exchange";
        };
    }
}
