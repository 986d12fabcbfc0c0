package health.salus.fhir.search;

import java.util.List;
import java.util.Optional;

/**
 * A search turned into SQL: the page query (ids of matches in order), the count query, and what to
 * include with the page.
 */
public record SearchPlan(String resourceType, SqlFragment pageQuery, SqlFragment countQuery, TotalMode totalMode,
        List<Include> includes, List<Include> revIncludes, int offset, int count) {

    public enum TotalMode { NONE, ESTIMATE, ACCURATE }

    /**
     * {@code Encounter:patient} or {@code Encounter:subject:Patient}; a wildcard takes every
     * reference parameter of the source type.
     */
    public record Include(String sourceType, Optional<String> param, Optional<String> targetType, boolean iterate) {

        /** A source type that stands for every type ({@code _revinclude=*}, {@code $everything}). */
        public static final String ANY_TYPE = "*";
    }
}
