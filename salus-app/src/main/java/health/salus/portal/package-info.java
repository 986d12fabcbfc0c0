/**
 * The patient portal and the family (proxy) view: a patient's upcoming appointments (book, cancel),
 * a compact summary of their record, who looked at it, whom they share it with (grant and revoke a
 * family member's or provider's access), and how they want to be contacted; a family member sees
 * the records shared with them, and only the parts shared. Every screen calls the owning module's
 * service or the FHIR store as the signed-in person, so the access policy decides what shows; the
 * portal adds no permission of its own, only the question "is this your record, or one shared with
 * you?" asked of the same policy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient portal")
package health.salus.portal;
