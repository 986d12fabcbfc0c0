package health.salus.security;

import health.salus.fhir.Interaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMART App Launch resource scopes (v2 {@code patient/Observation.rs}, {@code user/*.cruds},
 * {@code system/*.rs}, and v1 {@code .read}/{@code .write}/{@code .*}). Other scopes ({@code openid},
 * {@code launch/patient} …) do not grant resource access and are ignored here.
 */
public record SmartScopes(boolean unrestricted, List<Grant> grants) {

    /** A browser session: the user's roles alone decide. */
    public static final SmartScopes ALL = new SmartScopes(true, List.of());

    private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/([A-Za-z]+|\\*)\\.([a-z*]+)");

    public enum Context { PATIENT, USER, SYSTEM }

    /** One resource scope: its context, resource type ({@code *} for any) and interactions. */
    public record Grant(Context context, String resourceType, Set<Interaction> interactions) {
        boolean covers(String type, Interaction interaction) {
            return (resourceType.equals("*") || resourceType.equals(type)) && interactions.contains(interaction);
        }
    }

    public SmartScopes {
        grants = List.copyOf(grants);
    }

    private static final java.util.Map<Collection<String>, SmartScopes> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Parses (and remembers: clients send the same few scope sets on every request). */
    public static SmartScopes parse(Collection<String> scopes) {
        if (PARSED.size() > 1000) {
            PARSED.clear();
        }
        return PARSED.computeIfAbsent(List.copyOf(scopes), SmartScopes::parseUncached);
    }

    private static SmartScopes parseUncached(Collection<String> scopes) {
        List<Grant> grants = new ArrayList<>();
        for (String scope : scopes) {
            Matcher m = SCOPE.matcher(scope);
            if (m.matches()) {
                interactions(m.group(3)).ifPresent(interactions -> grants.add(new Grant(
                        Context.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2), interactions)));
            }
        }
        return new SmartScopes(false, grants);
    }

    /** Whether some scope allows this interaction on this type, in any context. */
    public boolean allows(String resourceType, Interaction interaction) {
        return unrestricted || grants.stream().anyMatch(g -> g.covers(resourceType, interaction));
    }

    /** Whether only patient-context scopes allow it, so it is limited to the launch patient. */
    public boolean onlyForLaunchPatient(String resourceType, Interaction interaction) {
        List<Grant> covering = grants.stream().filter(g -> g.covers(resourceType, interaction)).toList();
        return !unrestricted && !covering.isEmpty()
                && covering.stream().allMatch(g -> g.context() == Context.PATIENT);
    }

    private static Optional<Set<Interaction>> interactions(String permissions) {
        switch (permissions) {
            case "read": return Optional.of(Set.of(Interaction.READ, Interaction.SEARCH));
            case "write": return Optional.of(Set.of(Interaction.CREATE, Interaction.UPDATE, Interaction.DELETE,
                    Interaction.MERGE));
            case "*": return Optional.of(Set.of(Interaction.values()));
            default: break;
        }
        // v2: a subset of "cruds" in that order
        if (!permissions.matches("c?r?u?d?s?") || permissions.isEmpty()) {
            return Optional.empty();
        }
        Set<Interaction> set = new java.util.HashSet<>();
        for (char c : permissions.toCharArray()) {
            set.add(switch (c) {
                case 'c' -> Interaction.CREATE;
                case 'r' -> Interaction.READ;
                case 'u' -> Interaction.UPDATE;
                case 'd' -> Interaction.DELETE;
                default -> Interaction.SEARCH;
            });
        }
        if (set.contains(Interaction.UPDATE)) {
            // a merge updates the two records (and what they hold); SMART has no letter of its own for it
            set.add(Interaction.MERGE);
        }
        return Optional.of(Set.copyOf(set));
    }
}
