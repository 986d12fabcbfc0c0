package health.salus.patients.coverage;

/**
 * An insurer the clinic bills: our id for it (what a registration names), its display name, and the
 * payer id the clearinghouse routes X12 transactions by.
 */
public record Payer(String id, String name, String x12PayerId) {
}
