package health.salus.fhir;

/** What a caller does with stored resources, as the access policy sees it. */
public enum Interaction {
    /** read, vread, and the history of one resource */
    READ,
    /** searches, type and system history, {@code $everything}, and what they include */
    SEARCH,
    CREATE,
    /** update and patch */
    UPDATE,
    DELETE,
    /**
     * merging one patient's record into another (the master patient index), granted on Patient: one
     * permission for both patients covers re-pointing every resource of their records, whatever its type
     */
    MERGE
}
