package health.salus.fhir;

import java.util.List;

/**
 * The store's question to the access policy, asked on every read, search and write whoever calls:
 * the REST API, the UI, jobs. The security module answers it for the signed-in subject; nothing in
 * the store works without an answer.
 */
public interface AccessGuard {

    /**
     * What the current caller may reach for this interaction. Throws HAPI's
     * {@code AuthenticationException} when no one is signed in.
     */
    Visibility visibility(Interaction interaction);

    /** Told what an interaction returned or changed, after the policy allowed it, so it can be flagged and audited. */
    void accessed(Interaction interaction, List<AccessedResource> resources);

    /**
     * Told that the policy refused an interaction, just before the store answers 403, so the refusal
     * can be audited. {@code id} and {@code compartment} are null when the whole type was refused.
     */
    void refused(Interaction interaction, AccessedResource resource);

    /** One resource touched, with the patient compartment it belongs to (null for shared resources). */
    record AccessedResource(String resourceType, String id, String compartment) {
    }
}
