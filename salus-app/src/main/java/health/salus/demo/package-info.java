/**
 * Deterministic synthetic clinic data for the demo and benchmarks; never real people.
 *
 * <p>{@link health.salus.demo.SyntheticClinic} turns a seed and a fixed reference date into a
 * small clinic network (organizations, locations, practitioners) and any number of patient
 * histories, all as FHIR R4 transaction bundles. The same seed always yields byte-identical
 * JSON, so benchmarks and screenshots are reproducible. Phone numbers use the reserved 555-01xx
 * range, e-mail addresses use {@code example.*} domains and NPIs start with 9, a prefix the NPI
 * registry does not issue, so nothing can collide with a real person or provider.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package health.salus.demo;
