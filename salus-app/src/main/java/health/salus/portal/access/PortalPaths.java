package health.salus.portal.access;

/** Where the portal's pages live. The patient's and family member's homes are the shell's role homes. */
public final class PortalPaths {

    public static final String PATIENT_HOME = "/home/patient";
    public static final String FAMILY_HOME = "/home/proxy";
    public static final String APPOINTMENTS = "/portal/appointments";
    public static final String BOOK = "/portal/appointments/book";
    public static final String RECORD = "/portal/record";
    public static final String ACCESSES = "/portal/record/accesses";
    public static final String SHARING = "/portal/sharing";
    public static final String PREFERENCES = "/portal/preferences";
    /** A family member's view of one patient's shared record: {@code /family/{patientId}}. */
    public static final String FAMILY_RECORD = "/family/";

    private PortalPaths() {
    }
}
