package health.salus.web;

import health.salus.security.Role;
import java.util.List;
import java.util.Set;

/**
 * Where each role lands after signing in. Someone with several roles lands on the home of the first
 * one in this order (the clinical roles first: their work is the most time-critical).
 */
public final class RoleHomes {

    private static final List<Role> PRECEDENCE = List.of(Role.PHYSICIAN, Role.NURSE, Role.CARE_COORDINATOR,
            Role.FRONT_DESK, Role.BILLER, Role.ADMINISTRATOR, Role.PRIVACY_OFFICER, Role.AUDITOR, Role.PATIENT,
            Role.PROXY);

    private RoleHomes() {
    }

    public static String homeOf(Set<Role> roles) {
        return PRECEDENCE.stream().filter(roles::contains).findFirst().map(RoleHomes::homeOf).orElse("/account");
    }

    public static String homeOf(Role role) {
        return role == Role.FRONT_DESK ? "/front-desk" : "/home/" + role.code();
    }
}
