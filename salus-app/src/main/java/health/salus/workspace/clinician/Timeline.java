package health.salus.workspace.clinician;

import java.util.List;
import java.util.Set;

/** The care timeline: the record's events newest first, grouped by year, of the kinds the filter keeps. */
record Timeline(List<Year> years, Set<String> kinds, int total) {

    /** The kinds of event, in the filter's order. */
    static final List<String> KINDS = List.of("encounter", "result", "medication", "document");

    record Year(int year, List<Entry> entries) {
    }

    /** One event; {@code kind} is one of {@link #KINDS}; {@code status} a FHIR status code, or empty. */
    record Entry(String kind, String when, String title, String detail, String status) {
    }
}
