package health.salus.fhir.search;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;

/** Which index table holds the values of each parameter kind. */
final class IndexTables {

    private IndexTables() {
    }

    static String of(RestSearchParameterTypeEnum kind) {
        return switch (kind) {
            case STRING -> "fhir_idx_string";
            case TOKEN -> "fhir_idx_token";
            case DATE -> "fhir_idx_date";
            case NUMBER -> "fhir_idx_number";
            case QUANTITY -> "fhir_idx_quantity";
            case REFERENCE -> "fhir_idx_reference";
            case URI -> "fhir_idx_uri";
            default -> throw new IllegalArgumentException("No index table for " + kind);
        };
    }

    /** The column a sort by this kind orders on. */
    static String sortColumn(RestSearchParameterTypeEnum kind) {
        return switch (kind) {
            case STRING -> "value_norm";
            case TOKEN -> "code";
            case DATE -> "low_ms";
            case NUMBER, QUANTITY -> "num_value";
            case REFERENCE -> "target_id";
            case URI -> "uri";
            default -> throw new IllegalArgumentException("No sort column for " + kind);
        };
    }
}
