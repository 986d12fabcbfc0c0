/**
 * The FHIR R4 resource store, the system of record for clinical and administrative data: versioned
 * resources with full history, search indexes filled from the standard SearchParameter expressions,
 * atomic transaction bundles, validation against the base R4 profiles, and the REST API at
 * {@code /fhir}. Other modules read and write patient data only through {@link health.salus.fhir.ResourceStore}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR store")
package health.salus.fhir;
