package health.salus.security.policy;

import health.salus.fhir.Interaction;
import health.salus.fhir.PatientSet;
import health.salus.fhir.Visibility;
import health.salus.security.AccessDecision;
import health.salus.security.Role;
import health.salus.security.Subject;
import health.salus.security.support.RequestMemo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one access policy: from a subject's roles (as the policy file grants them), their care
 * relationships, the patients' consents and any break-glass grant, narrowed by the token's scopes,
 * it works out what the subject may reach. Deny by default: what no permission names is refused.
 */
public class PolicyEngine {

    private final PolicyDocument policy;
    private final CareRelationships relationships;
    private final BreakGlassGrants breakGlass;

    PolicyEngine(PolicyDocument policy, CareRelationships relationships, BreakGlassGrants breakGlass) {
        this.policy = policy;
        this.relationships = relationships;
        this.breakGlass = breakGlass;
    }

    public PolicyDocument policy() {
        return policy;
    }

    public Visibility visibility(Subject subject, Interaction interaction) {
        if (subject.kind() == Subject.Kind.SYSTEM) {
            return Visibility.everything();
        }
        Reaches reaches = new Reaches(subject);
        Map<String, PatientSet> types = new HashMap<>();
        Map<String, Set<String>> masks = new HashMap<>();
        Set<String> unmasked = new HashSet<>();
        PatientSet otherTypes = null;
        Set<String> excepted = new HashSet<>();
        for (Role role : subject.roles()) {
            for (PolicyDocument.Permission permission : policy.role(role).map(PolicyDocument.RolePolicy::permissions)
                    .orElse(List.of())) {
                if (!permission.interactions().contains(interaction)) {
                    continue;
                }
                for (String type : permission.types()) {
                    if (type.equals("*")) {
                        excepted.addAll(permission.except());
                        otherTypes = union(otherTypes, scoped(subject, "*", interaction, reaches.of(permission, "*")));
                        continue;
                    }
                    if (!subject.scopes().allows(type, interaction)) {
                        continue;
                    }
                    types.merge(type, scoped(subject, type, interaction, reaches.of(permission, type)),
                            PatientSet::union);
                    Set<String> masked = permission.masks().get(type);
                    if (masked == null) {
                        unmasked.add(type);
                    } else {
                        masks.merge(type, masked, PolicyEngine::union);
                    }
                }
            }
        }
        unmasked.forEach(masks::remove);
        Set<String> named = new HashSet<>(types.keySet());
        if (otherTypes != null && !subject.scopes().unrestricted()) {
            // a "*" permission still reaches only the types the token's scopes name
            boolean anyType = subject.scopes().allows("*", interaction);
            for (String type : scopedTypes(subject, interaction)) {
                types.merge(type, otherTypes, PatientSet::union);
            }
            otherTypes = anyType ? otherTypes : null;
        }
        // "every type except these": the excepted types reach no patient, unless a permission names them
        excepted.stream().filter(type -> !named.contains(type)).forEach(type -> types.put(type, PatientSet.NONE));
        return new Visibility(types, Optional.ofNullable(otherTypes), masks);
    }

    /** The decision for one resource, with reasons and obligations, as routes and jobs ask for it. */
    public AccessDecision decide(Subject subject, Interaction interaction, String resourceType, String compartment) {
        Visibility visibility = visibility(subject, interaction);
        if (!visibility.permitsType(resourceType)) {
            return new AccessDecision(false, List.of("no role of the subject may " + interaction.name().toLowerCase()
                    + " " + resourceType), Set.of(), false);
        }
        if (!visibility.permits(resourceType, compartment, relationships.links())) {
            return new AccessDecision(false, List.of("no care relationship, consent or break-glass covers this patient"),
                    Set.of(), false);
        }
        boolean underBreakGlass = compartment != null && subject.kind() == Subject.Kind.USER
                && breakGlassOnly(subject, compartment);
        return new AccessDecision(true, List.of(underBreakGlass ? "break-glass" : "permitted by role"),
                visibility.masked(resourceType), underBreakGlass);
    }

    /** Whether this patient is reachable only through the subject's break-glass grant. */
    public boolean breakGlassOnly(Subject subject, String patientId) {
        return breakGlassPatients(subject).contains(patientId)
                && subject.fhirUserId("Practitioner").map(id -> !relationships.isRelated(id, patientId)).orElse(true);
    }

    /** The subject's live break-glass patients, read once per request. */
    public Set<String> breakGlassPatients(Subject subject) {
        return subject.kind() != Subject.Kind.USER ? Set.of()
                : RequestMemo.get("break-glass." + subject.id(), () -> breakGlass.activePatients(subject.id()));
    }

    private PatientSet scoped(Subject subject, String type, Interaction interaction, PatientSet reach) {
        if (!subject.scopes().onlyForLaunchPatient(type, interaction)) {
            return reach;
        }
        // patient/ scopes: the launch patient only, and only if the roles reach them anyway
        boolean reached = subject.launchPatient().map(id -> reach.contains(id, relationships.links())).orElse(false);
        return reached ? PatientSet.of(Set.of(subject.launchPatient().get())) : PatientSet.NONE;
    }

    private static Set<String> scopedTypes(Subject subject, Interaction interaction) {
        Set<String> types = new HashSet<>();
        subject.scopes().grants().stream().filter(grant -> grant.interactions().contains(interaction))
                .map(health.salus.security.SmartScopes.Grant::resourceType).filter(type -> !type.equals("*"))
                .forEach(types::add);
        return types;
    }

    private static PatientSet union(PatientSet a, PatientSet b) {
        return a == null ? b : a.union(b);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Each kind of patient reach, worked out at most once per decision. */
    private final class Reaches {
        private final Subject subject;
        private PatientSet related;
        private Map<String, Set<String>> granted;

        Reaches(Subject subject) {
            this.subject = subject;
        }

        PatientSet of(PolicyDocument.Permission permission, String type) {
            return switch (permission.patients()) {
                case ANY -> PatientSet.EVERY;
                case NONE -> PatientSet.NONE;
                case SELF -> subject.fhirUserId("Patient").map(id -> PatientSet.of(Set.of(id))).orElse(PatientSet.NONE);
                case RELATED -> related();
                case GRANTED -> granted(type);
            };
        }

        private PatientSet related() {
            if (related == null) {
                Set<String> breakGlassPatients = mayBreakGlass() ? breakGlassPatients(subject) : Set.of();
                // the care relationships stay a condition for the store to evaluate, not a list to fetch
                related = subject.fhirUserId("Practitioner")
                        .map(id -> PatientSet.linked(breakGlassPatients, relationships.linksOf(id)))
                        .orElse(PatientSet.of(breakGlassPatients));
            }
            return related;
        }

        private PatientSet granted(String type) {
            if (granted == null) {
                granted = subject.fhirUserId("RelatedPerson").map(relationships::grantsTo).orElse(Map.of());
            }
            Set<String> patients = new HashSet<>();
            granted.forEach((patient, types) -> {
                if (types.isEmpty() || types.contains(type)) {
                    patients.add(patient);
                }
            });
            return PatientSet.of(patients);
        }

        private boolean mayBreakGlass() {
            return subject.roles().stream().map(policy::role).flatMap(Optional::stream)
                    .anyMatch(PolicyDocument.RolePolicy::breakGlass);
        }
    }

}
