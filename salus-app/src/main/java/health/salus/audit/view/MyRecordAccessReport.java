package health.salus.audit.view;

import health.salus.audit.AuditCategory;
import health.salus.audit.AuditOutcome;
import health.salus.audit.AuditRecord;
import health.salus.audit.PurposeOfUse;
import health.salus.audit.RecordAccesses;
import health.salus.audit.recording.AuditAccess;
import health.salus.audit.trail.EntryRows.StoredEntry;
import health.salus.security.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * "Who looked at my record", worked out once for the REST view (English sentences) and the portal
 * (its own words, in the reader's language). Accesses by others, newest first, grouped per UTC day,
 * person and kind of data; the patient's own accesses, the reader's own, and Salus's internal lookups
 * are left out, and so are kinds of data the reader may not see themselves. Every report asked for
 * is itself audited.
 */
@Component
class MyRecordAccessReport implements RecordAccesses {

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

    MyRecordAccessReport(RecordReader readers, AuditEntries entries, PersonNames names, Accounts accounts,
            AuditAccess access, Clock clock) {
        this.readers = readers;
        this.entries = entries;
        this.names = names;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    /** One line of a report: the latest time in its group, and how many items the group touched. */
    record Line(Group group, Instant lastAt, int items, boolean breakGlass) {
    }

    /** A report and whom it is for. */
    record Report(RecordReader.Reader reader, List<Line> lines) {
    }

    @Override
    public List<RecordAccess> of(Optional<String> patientId) {
        Report report = report(patientId.orElse(null), null, null);
        PersonNames.Lookup lookup = names.lookup();
        return report.lines().stream().map(line -> new RecordAccess(line.lastAt(),
                lookup.knownName(line.group().actorId()), line.group().roles(), line.group().action(),
                line.group().resourceType(), line.group().purpose(), line.items(), line.breakGlass())).toList();
    }

    Report report(String patient, String from, String to) {
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
        Map<Group, Instant> latest = new LinkedHashMap<>();
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
            latest.putIfAbsent(group, record.occurredAt()); // newest first: the first seen is the latest
        }
        List<Line> lines = new ArrayList<>();
        groups.forEach((group, items) -> lines.add(new Line(group, latest.get(group), items.size(),
                breakGlass.get(group))));
        access.record(reader.subject(), ACTION, AuditOutcome.SUCCESS, reader.patientId(), reader.self() ? "self"
                : "proxy");
        return new Report(reader, lines);
    }

    /** Accesses that read as one line: same day, same person, same kind of data and purpose. */
    record Group(LocalDate day, String actorId, List<String> roles, String verb, String words, String action,
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
