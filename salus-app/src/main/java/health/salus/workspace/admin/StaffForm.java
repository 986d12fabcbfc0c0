package health.salus.workspace.admin;

import health.salus.security.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The new staff account form as submitted; role codes that name no role are dropped (and so refused). */
record StaffForm(String username, String displayName, String password, List<String> roles) {

    /** The service's field names are the form's control ids, but the roles' error points at the first box. */
    static final Map<String, String> CONTROLS = Map.of("username", "username", "displayName", "displayName",
            "password", "password", "roles", "roles");

    StaffForm {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    static StaffForm empty() {
        return new StaffForm("", "", "", List.of());
    }

    Set<Role> chosenRoles() {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        roles.stream().map(Role::fromCode).flatMap(Optional::stream).forEach(chosen::add);
        return chosen;
    }

    public boolean has(Role role) {
        return roles.contains(role.code());
    }

    /** The form shown again after an error: never with the password typed. */
    StaffForm withoutPassword() {
        return new StaffForm(username, displayName, "", roles);
    }
}
