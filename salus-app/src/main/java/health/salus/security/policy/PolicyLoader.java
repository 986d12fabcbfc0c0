package health.salus.security.policy;

import health.salus.fhir.Interaction;
import health.salus.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the policy file; anything it cannot understand stops start-up rather than being ignored. */
final class PolicyLoader {

    private PolicyLoader() {
    }

    @SuppressWarnings("unchecked")
    static PolicyDocument load(Resource file, Set<String> knownTypes) {
        Map<String, Object> root;
        try (InputStream in = file.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the access policy " + file.getDescription(), e);
        }
        Map<String, List<String>> groups = (Map<String, List<String>>) root.getOrDefault("resource-groups", Map.of());
        Map<Role, PolicyDocument.RolePolicy> roles = new EnumMap<>(Role.class);
        ((Map<String, Map<String, Object>>) root.get("roles")).forEach((code, body) -> {
            Role role = Role.fromCode(code).orElseThrow(() -> invalid("unknown role '" + code + "'"));
            List<PolicyDocument.Permission> permissions = new ArrayList<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) body.get("permissions")) {
                permissions.add(permission(p, groups, knownTypes));
            }
            roles.put(role, new PolicyDocument.RolePolicy(String.valueOf(body.get("description")),
                    Boolean.TRUE.equals(body.get("break-glass")), permissions));
        });
        return new PolicyDocument(roles);
    }

    @SuppressWarnings("unchecked")
    private static PolicyDocument.Permission permission(Map<String, Object> p, Map<String, List<String>> groups,
            Set<String> knownTypes) {
        Set<String> types = types((List<String>) p.get("resources"), groups, knownTypes);
        Set<String> except = types((List<String>) p.getOrDefault("except", List.of()), groups, knownTypes);
        if (!except.isEmpty() && !types.contains("*")) {
            throw invalid("'except' on a permission that does not name \"*\"");
        }
        Set<Interaction> interactions = new HashSet<>();
        for (String action : (List<String>) p.get("actions")) {
            interactions.add(Interaction.valueOf(action.toUpperCase(Locale.ROOT)));
        }
        PolicyDocument.PatientReach reach = PolicyDocument.PatientReach.valueOf(
                String.valueOf(p.get("patients")).toUpperCase(Locale.ROOT));
        Map<String, Set<String>> masks = new HashMap<>();
        ((Map<String, List<String>>) p.getOrDefault("mask", Map.of()))
                .forEach((type, elements) -> masks.put(type, Set.copyOf(elements)));
        return new PolicyDocument.Permission(types, except, interactions, reach, masks);
    }

    private static Set<String> types(List<String> names, Map<String, List<String>> groups, Set<String> knownTypes) {
        Set<String> types = new HashSet<>();
        for (String name : names) {
            if (groups.containsKey(name)) {
                types.addAll(groups.get(name));
            } else {
                types.add(name);
            }
        }
        types.stream().filter(type -> !type.equals("*") && !knownTypes.contains(type)).findFirst()
                .ifPresent(type -> {
                    throw invalid("unknown resource type '" + type + "'");
                });
        return types;
    }

    private static IllegalStateException invalid(String what) {
        return new IllegalStateException("The access policy names an " + what);
    }
}
