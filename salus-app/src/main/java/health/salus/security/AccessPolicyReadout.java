package health.salus.security;

import health.salus.fhir.Interaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The loaded access policy as people read it (the administrator's, privacy officer's and auditor's
 * screens and {@code GET /api/security/policy}): per role, which resource types, which interactions and
 * for which patients; and which file that was, by hash and load time.
 */
public interface AccessPolicyReadout {

    /** Who may read the policy: the roles that answer for it or check it. */
    Set<Role> READERS = Set.of(Role.ADMINISTRATOR, Role.PRIVACY_OFFICER, Role.AUDITOR);

    LoadedPolicy current();

    /** {@code sha256} is the hex hash of the file's bytes, as the audit trail records it at start-up. */
    record LoadedPolicy(String sha256, String source, Instant loadedAt, List<RoleRules> roles) {
        public LoadedPolicy {
            roles = List.copyOf(roles);
        }
    }

    /** A role's rules; {@code breakGlass}: whether it may open a record outside its reach in an emergency. */
    record RoleRules(Role role, String description, boolean breakGlass, List<Rule> rules) {
        public RoleRules {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One permission: the resource types (sorted; {@code *} for every type but {@code except}), the
     * interactions, whose records ({@code any}, {@code related}, {@code self}, {@code granted}, {@code none})
     * and the elements hidden per type.
     */
    record Rule(List<String> resourceTypes, List<String> except, Set<Interaction> interactions, String patients,
            Map<String, Set<String>> masks) {
        public Rule {
            resourceTypes = List.copyOf(resourceTypes);
            except = List.copyOf(except);
            interactions = Set.copyOf(interactions);
            masks = Map.copyOf(masks);
        }

        /** The interactions in the enum's order (read, search, create, ...), as people read them. */
        public List<Interaction> orderedInteractions() {
            return interactions.stream().sorted().toList();
        }
    }
}
