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
    DELETE
}
