package health.salus.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles of the access policy; each one's permissions are data in {@code security/access-policy.yml}. */
public enum Role {
    PATIENT(false),
    PROXY(false),
    PHYSICIAN(true),
    NURSE(true),
    CARE_COORDINATOR(true),
    FRONT_DESK(true),
    BILLER(true),
    ADMINISTRATOR(true),
    PRIVACY_OFFICER(true),
    AUDITOR(true),
    /** a system client acting for no person */
    INTEGRATION(false);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    /** Staff must sign in with a second factor. */
    public boolean isStaff() {
        return staff;
    }

    /** The name used in the policy file, tokens and the UI: {@code front-desk}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }
}
