package health.salus.workspace.clinician;

import java.util.List;

/**
 * The chart's summary: problems, medications, allergies, recent vitals with their trend, immunizations
 * and the care team. A section the user's role may not search says so instead of showing nothing.
 */
record ChartSummary(Section<Problem> problems, Section<Medication> medications, Section<Allergy> allergies,
        Section<Vital> vitals, Section<Immunization> immunizations, Section<Member> careTeam) {

    record Section<T>(boolean permitted, List<T> items) {

        static <T> Section<T> notPermitted() {
            return new Section<>(false, List.of());
        }
    }

    record Problem(String name, String onset) {
    }

    record Medication(String name, String instructions, String since) {
    }

    record Allergy(String substance, String reaction, String criticality, boolean high) {
    }

    /**
     * One vital sign: the latest reading and a sparkline of the last few ({@code points} in a 120×32
     * box, oldest first); {@code trend} reads the same values out for screen readers and as a tooltip.
     */
    record Vital(String name, String latest, String when, String points, String trend, boolean hasTrend) {
    }

    record Immunization(String vaccine, String date) {
    }

    record Member(String name, String role, String team) {
    }
}
