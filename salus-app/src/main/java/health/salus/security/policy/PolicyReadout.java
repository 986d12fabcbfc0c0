package health.salus.security.policy;

import health.salus.security.AccessPolicyReadout;
import health.salus.security.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The policy the engine enforces, turned into the readable form: roles in the order the enum names them. */
@Component
class PolicyReadout implements AccessPolicyReadout {

    private final PolicyEngine engine;
    private final PolicyConfiguration.PolicyFile file;

    PolicyReadout(PolicyEngine engine, PolicyConfiguration.PolicyFile file) {
        this.engine = engine;
        this.file = file;
    }

    @Override
    public LoadedPolicy current() {
        PolicyDocument policy = engine.policy();
        List<RoleRules> roles = policy.roles().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> rules(entry.getKey(), entry.getValue())).toList();
        return new LoadedPolicy(file.sha256(), file.source(), file.loadedAt(), roles);
    }

    private static RoleRules rules(Role role, PolicyDocument.RolePolicy policy) {
        return new RoleRules(role, policy.description(), policy.breakGlass(), policy.permissions().stream()
                .map(p -> new Rule(sorted(p.types()), sorted(p.except()), p.interactions(),
                        p.patients().name().toLowerCase(Locale.ROOT), p.masks()))
                .toList());
    }

    private static List<String> sorted(java.util.Set<String> types) {
        return types.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
