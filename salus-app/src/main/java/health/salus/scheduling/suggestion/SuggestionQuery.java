package health.salus.scheduling.suggestion;

import health.salus.scheduling.availability.SlotQuery;

/** A checked suggestion request: every field parsed, the window within limits. */
record SuggestionQuery(String patientId, String appointmentType, SlotQuery slots, Urgency urgency,
        Preferences preferences) {
}
