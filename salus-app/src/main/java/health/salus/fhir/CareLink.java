package health.salus.fhir;

/**
 * One way a person is linked to a patient through the record: a resource of {@code resourceType}
 * in the patient's compartment whose reference parameter {@code param} names them.
 */
public record CareLink(String resourceType, String param) {
}
