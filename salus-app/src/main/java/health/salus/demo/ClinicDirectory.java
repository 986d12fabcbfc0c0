package health.salus.demo;

import health.salus.demo.ClinicalCatalog.Code;
import java.util.List;
import java.util.Optional;

/**
 * The clinic network as plain values: who works where, and which towns each site serves.
 * Patient histories are generated against this model so every reference they make resolves.
 */
record ClinicDirectory(List<NetworkOrganization> organizations, List<Site> sites,
                       List<Clinician> clinicians, List<Town> catchment) {

    enum Specialty {
        FAMILY_MEDICINE(ClinicalCatalog.snomed("419772000", "Family practice (qualifier value)"),
                "124", "General Practice", 0),
        INTERNAL_MEDICINE(ClinicalCatalog.snomed("419192003", "Internal medicine (qualifier value)"),
                "124", "General Practice", 18),
        PEDIATRICS(ClinicalCatalog.snomed("394537008", "Pediatric specialty (qualifier value)"),
                "200", "Paediatric Medicine", 0),
        CARDIOLOGY(ClinicalCatalog.snomed("394579002", "Cardiology (qualifier value)"),
                "165", "Cardiology", 18);

        final Code practiceCode;
        final String serviceTypeCode;
        final String serviceTypeDisplay;
        final int minPatientAge;

        Specialty(Code practiceCode, String serviceTypeCode, String serviceTypeDisplay, int minPatientAge) {
            this.practiceCode = practiceCode;
            this.serviceTypeCode = serviceTypeCode;
            this.serviceTypeDisplay = serviceTypeDisplay;
            this.minPatientAge = minPatientAge;
        }

        boolean isPrimaryCare() {
            return this != CARDIOLOGY;
        }
    }

    record PostalAddress(String line, String city, String state, String postalCode) {
    }

    record NetworkOrganization(String id, String name, String npi, Optional<String> partOfId,
                               PostalAddress address, String phone) {
    }

    record Site(String id, String name, String organizationId, PostalAddress address, String phone) {
    }

    record Clinician(String id, String roleId, String npi, String given, String family, boolean female,
                     Specialty specialty, String siteId, String organizationId, String degree) {

        String displayName() {
            return "Dr. " + given + " " + family;
        }
    }

    /**
     * A town whose residents use the given site; the area code keeps phone numbers local and
     * the weight is the town's share of the patient panel.
     */
    record Town(String name, List<String> postalCodes, String areaCode, String siteId, double weight) {
    }

    Site site(String siteId) {
        return sites.stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No site " + siteId));
    }

    /** Clinicians at a site who may be a primary care provider for a patient of this age. */
    List<Clinician> primaryCareAt(String siteId, int patientAge) {
        return clinicians.stream()
                .filter(c -> c.siteId().equals(siteId) && c.specialty().isPrimaryCare())
                .filter(c -> patientAge >= c.specialty().minPatientAge)
                .filter(c -> c.specialty() != Specialty.PEDIATRICS || patientAge < 18)
                .toList();
    }

    List<Clinician> cardiologists() {
        return clinicians.stream().filter(c -> c.specialty() == Specialty.CARDIOLOGY).toList();
    }

    Clinician clinician(String clinicianId) {
        return clinicians.stream().filter(c -> c.id().equals(clinicianId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No clinician " + clinicianId));
    }
}
