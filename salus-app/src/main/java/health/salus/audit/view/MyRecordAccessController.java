package health.salus.audit.view;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.security.Accounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Who looked at my record": for a patient about their own record, or a family member or carer about
 * a patient who granted them access. Accesses by others, newest first, grouped per UTC day, person
 * and kind of data, in plain words; the patient's own accesses, the reader's own, and Salus's
 * internal lookups are left out, and so are kinds of data the reader may not see themselves.
 */
@RestController
class MyRecordAccessController {

    static final String ACTION = "my-record-accesses";
    private static final int DEFAULT_DAYS = 365;
    /** Newest entries looked at per report; a longer history is asked for by period. */
    private static final int SCAN_LIMIT = 5000;

    private final RecordReader readers;
    private final AuditEntries entries;
    private final PersonNames names;
    private final Accounts accounts;
    private final AuditAccess access;
    private final Clock clock;

    MyRecordAccessController(RecordReader readers, AuditEntries entries, PersonNames names, Accounts accounts,
            AuditAccess access, Clock clock) {
        this.readers = readers;
        this.entries = entries;
        this.names = names;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    /** One line of the report. */
    record Access(String when, String who, String role, String what, String purpose, boolean breakGlass) {
    }

    @GetMapping("/api/audit/my-record/accesses")
    List<Access> accesses(@RequestParam(required = false) String patient, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        RecordReader.Reader reader = readers.require(patient, ACTION);
        ReportPeriod period = ReportPeriod.parse(from, to, DEFAULT_DAYS, clock);
        Set<String> leftOut = new HashSet<>(accounts.idsLinkedTo("Patient/" + reader.patientId()));
        leftOut.add(reader.subject().id());
        List<StoredEntry> found = entries.query()
                .where("category = ?", AuditCategory.PATIENT_DATA.name())
                .where("outcome = ?", AuditOutcome.SUCCESS.name())
                .where("patient_id = ?", reader.patientId())
                .where("actor_id is not null and actor_id not like 'system:%'")
                .from(period.from()).before(period.before())
                .page(0, SCAN_LIMIT);
        Map<Group, Set<String>> groups = new LinkedHashMap<>();
        Map<Group, Boolean> breakGlass = new LinkedHashMap<>();
        for (StoredEntry entry : found) {
            AuditRecord record = entry.record();
            if (leftOut.contains(record.actor().id()) || !reader.mayKnowOf(record.resourceType())) {
                continue;
            }
            boolean emergency = record.purpose() == PurposeOfUse.BREAK_GLASS || "break-glass".equals(record.detail());
            Group group = new Group(LocalDate.ofInstant(record.occurredAt(), ZoneOffset.UTC), record.actor().id(),
                    record.actor().roles(), PlainLanguage.verb(record.action()),
                    PlainLanguage.resources(record.resourceType()), record.action(), record.resourceType(),
                    emergency ? PurposeOfUse.BREAK_GLASS : record.purpose());
            groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(record.resourceIds().isEmpty()
                    ? List.of("#" + entry.sequence()) : record.resourceIds());
            breakGlass.merge(group, emergency, Boolean::logicalOr);
        }
        PersonNames.Lookup lookup = names.lookup();
        List<Access> report = new ArrayList<>();
        groups.forEach((group, items) -> report.add(new Access(group.day().toString(), lookup.nameOf(group.actorId()),
                PlainLanguage.role(group.roles()), PlainLanguage.what(group.action(), group.resourceType(),
                        reader.self() ? "your" : "their", items.size()),
                PlainLanguage.purpose(group.purpose()), breakGlass.get(group))));
        access.record(reader.subject(), ACTION, AuditOutcome.SUCCESS, reader.patientId(), reader.self() ? "self"
                : "proxy");
        return report;
    }

    /** Accesses that read as one line: same day, same person, same kind of data and purpose. */
    private record Group(LocalDate day, String actorId, List<String> roles, String verb, String words, String action,
            String resourceType, PurposeOfUse purpose) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Group g && day.equals(g.day) && String.valueOf(actorId).equals(String.valueOf(g.actorId))
                    && verb.equals(g.verb) && words.equals(g.words) && purpose == g.purpose;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(day, actorId, verb, words, purpose);
        }
    }
}
