/**
 * Patients as the clinic knows them: registration with the required privacy consent, medical record
 * numbers, the master patient index (probabilistic matching, duplicate review, merge and unmerge),
 * coverage and insurance eligibility (X12 270/271 through a clearinghouse port). Patient data lives
 * in the FHIR store; this module calls it like any other and never reads its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients")
package health.salus.patients;
