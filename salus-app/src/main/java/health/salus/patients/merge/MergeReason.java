package health.salus.patients.merge;

import java.util.Arrays;
import java.util.Optional;

/** Why two records were merged: a code, so the merge table and the audit trail never hold free text. */
public enum MergeReason {
    /** the same person was registered twice */
    DUPLICATE_REGISTRATION,
    /** the duplicate review queue matched the records and a person confirmed it */
    DUPLICATE_REVIEW,
    /** the patient's identity was confirmed in person (documents, staff knowledge) */
    IDENTITY_CONFIRMED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<MergeReason> fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst();
    }
}
