package health.salus.demo;

import health.salus.demo.ClinicDirectory.Clinician;
import health.salus.demo.ClinicDirectory.NetworkOrganization;
import health.salus.demo.ClinicDirectory.PostalAddress;
import health.salus.demo.ClinicDirectory.Site;
import health.salus.demo.ClinicDirectory.Specialty;
import health.salus.demo.ClinicDirectory.Town;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the clinic network. Its shape (three organizations, three sites, twelve clinicians
 * and their specialties) is fixed so patient generators can rely on it; the people in it
 * (names, NPIs, degrees) come from the seed.
 */
final class DirectoryGenerator {

    private static final long DIRECTORY_STREAM = -1;

    private record Slot(Specialty specialty, String siteId) {
    }

    private static final List<Slot> STAFFING = List.of(
            new Slot(Specialty.FAMILY_MEDICINE, "loc-1"), new Slot(Specialty.FAMILY_MEDICINE, "loc-1"),
            new Slot(Specialty.FAMILY_MEDICINE, "loc-2"), new Slot(Specialty.FAMILY_MEDICINE, "loc-2"),
            new Slot(Specialty.INTERNAL_MEDICINE, "loc-1"), new Slot(Specialty.INTERNAL_MEDICINE, "loc-2"),
            new Slot(Specialty.INTERNAL_MEDICINE, "loc-2"), new Slot(Specialty.PEDIATRICS, "loc-1"),
            new Slot(Specialty.PEDIATRICS, "loc-2"), new Slot(Specialty.PEDIATRICS, "loc-2"),
            new Slot(Specialty.CARDIOLOGY, "loc-3"), new Slot(Specialty.CARDIOLOGY, "loc-3"));

    private static final List<Town> CATCHMENT = List.of(
            new Town("Tempe", List.of("85281", "85282", "85283", "85284"), "480", "loc-1", 2.0),
            new Town("Chandler", List.of("85224", "85225", "85226", "85286"), "480", "loc-1", 2.0),
            new Town("Phoenix", List.of("85040", "85042", "85044", "85048"), "602", "loc-1", 1.0),
            new Town("Guadalupe", List.of("85283"), "480", "loc-1", 0.3),
            new Town("Mesa", List.of("85201", "85202", "85203", "85204", "85205", "85206", "85210", "85213"),
                    "480", "loc-2", 3.0),
            new Town("Gilbert", List.of("85233", "85234", "85295", "85296"), "480", "loc-2", 2.0),
            new Town("Apache Junction", List.of("85120"), "480", "loc-2", 0.5),
            new Town("Queen Creek", List.of("85142"), "480", "loc-2", 0.5));

    private DirectoryGenerator() {
    }

    static ClinicDirectory generate(long seed) {
        Rng rng = Rng.forStream(seed, DIRECTORY_STREAM);
        Set<String> usedNpis = new HashSet<>();

        PostalAddress headquarters = new PostalAddress("2100 E Camelback Rd Ste 400", "Phoenix", "AZ", "85016");
        PostalAddress tempe = new PostalAddress("1455 S Mill Ave", "Tempe", "AZ", "85281");
        PostalAddress mesa = new PostalAddress("930 N Alma School Rd", "Mesa", "AZ", "85201");
        PostalAddress heart = new PostalAddress("2100 E Camelback Rd Ste 210", "Phoenix", "AZ", "85016");

        List<NetworkOrganization> organizations = List.of(
                new NetworkOrganization("org-1", "Saguaro Health Network", npi(rng, usedNpis),
                        Optional.empty(), headquarters, "(602) 555-0100"),
                new NetworkOrganization("org-2", "Saguaro Health Tempe Family Clinic", npi(rng, usedNpis),
                        Optional.of("org-1"), tempe, "(480) 555-0110"),
                new NetworkOrganization("org-3", "Saguaro Health Mesa Primary Care", npi(rng, usedNpis),
                        Optional.of("org-1"), mesa, "(480) 555-0120"));

        List<Site> sites = List.of(
                new Site("loc-1", "Tempe Family Clinic", "org-2", tempe, "(480) 555-0111"),
                new Site("loc-2", "Mesa Primary Care Center", "org-3", mesa, "(480) 555-0121"),
                new Site("loc-3", "Saguaro Heart and Vascular Center", "org-1", heart, "(602) 555-0131"));

        List<Clinician> clinicians = new ArrayList<>();
        for (int i = 0; i < STAFFING.size(); i++) {
            Slot slot = STAFFING.get(i);
            boolean female = rng.chance(0.55);
            String given = rng.pick(female ? NamePools.FEMALE : NamePools.MALE);
            String family = rng.pick(NamePools.FAMILY);
            String degree = rng.chance(0.15) ? "DO" : "MD";
            String organizationId = sites.stream().filter(s -> s.id().equals(slot.siteId())).findFirst()
                    .orElseThrow().organizationId();
            clinicians.add(new Clinician("prac-" + (i + 1), "role-" + (i + 1), npi(rng, usedNpis), given, family,
                    female, slot.specialty(), slot.siteId(), organizationId, degree));
        }
        return new ClinicDirectory(organizations, sites, List.copyOf(clinicians), CATCHMENT);
    }

    /**
     * NPIs start with 9: the registry only issues numbers starting with 1 or 2, so these
     * pass the check-digit test yet can never belong to a real provider.
     */
    private static String npi(Rng rng, Set<String> used) {
        while (true) {
            String base = "9" + String.format(Locale.ROOT, "%08d", rng.between(0, 99_999_999));
            String npi = Npi.withCheckDigit(base);
            if (used.add(npi)) {
                return npi;
            }
        }
    }
}
