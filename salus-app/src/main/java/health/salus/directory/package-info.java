/**
 * The provider directory: who the clinic's practitioners are and the identifiers regulators issue them.
 * Today it checks those identifiers (NPI check digit, DEA registration checksum) as pure functions and
 * has the FHIR store refuse Practitioner writes carrying malformed ones; practitioner onboarding and
 * credentialing arrive here later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package health.salus.directory;
