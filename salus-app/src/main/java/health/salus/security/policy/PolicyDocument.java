package health.salus.security.policy;

import health.salus.fhir.Interaction;
import health.salus.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The access policy as loaded from its file: per role, what it may do to which resources, for whom. */
public record PolicyDocument(Map<Role, RolePolicy> roles) {

    /** Which patients a permission reaches (see the policy file for each). */
    public enum PatientReach { ANY, RELATED, SELF, GRANTED, NONE }

    /**
     * {@code types} holds resource types after groups are expanded; {@code "*"} means every type but
     * those in {@code except} (so a system client's "everything" need not include the audit trail).
     */
    public record Permission(Set<String> types, Set<String> except, Set<Interaction> interactions,
            PatientReach patients, Map<String, Set<String>> masks) {
        public Permission {
            types = Set.copyOf(types);
            except = Set.copyOf(except);
            interactions = Set.copyOf(interactions);
            masks = Map.copyOf(masks);
        }
    }

    public record RolePolicy(String description, boolean breakGlass, List<Permission> permissions) {
        public RolePolicy {
            permissions = List.copyOf(permissions);
        }
    }

    public PolicyDocument {
        roles = Map.copyOf(roles);
    }

    public Optional<RolePolicy> role(Role role) {
        return Optional.ofNullable(roles.get(role));
    }
}
