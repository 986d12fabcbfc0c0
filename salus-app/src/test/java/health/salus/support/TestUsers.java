package health.salus.support;

import health.salus.security.Accounts;
import health.salus.security.Role;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Accounts for tests: a fresh username per call, the test password, and the test TOTP key for staff. */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates a user of {@code role} linked to {@code fhirUser} (or nothing, when null); returns the username. */
    public static String create(Accounts accounts, Role role, String fhirUser) {
        String username = role.code() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, "Test " + role.code(), SignIn.PASSWORD, Set.of(role), Optional.ofNullable(fhirUser),
                role.isStaff() ? Optional.of(SignIn.TOTP_SECRET) : Optional.empty());
        return username;
    }
}
