package health.salus.patients.mpi.matching;

/** The fields the matcher compares; {@link #code()} is how they are named in weights, agreements and the API. */
public enum MatchField {
    GIVEN("given"),
    FAMILY("family"),
    BIRTH_DATE("birthDate"),
    SEX("sex"),
    PHONE("phone"),
    EMAIL("email"),
    POSTAL_CODE("postalCode"),
    STREET("street"),
    IDENTIFIER("identifier");

    private final String code;

    MatchField(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
