package health.salus.demo;

import health.salus.demo.ClinicalCatalog.Code;
import java.util.List;
import java.util.Map;

/** CVX vaccines and the US childhood schedule, keyed by the well-child visit age in months. */
final class VaccineCatalog {

    enum Route {
        INTRAMUSCULAR("IM", "Injection, intramuscular"),
        SUBCUTANEOUS("SQ", "Injection, subcutaneous"),
        ORAL("PO", "Swallow, oral");

        final String code;
        final String display;

        Route(String code, String display) {
            this.code = code;
            this.display = display;
        }
    }

    enum Vaccine {
        HEP_B_PEDIATRIC("08", "Hep B, adolescent or pediatric", Route.INTRAMUSCULAR, 0.5),
        ROTAVIRUS("119", "rotavirus, monovalent", Route.ORAL, 1.0),
        DTAP("20", "DTaP", Route.INTRAMUSCULAR, 0.5),
        HIB("49", "Hib (PRP-OMP)", Route.INTRAMUSCULAR, 0.5),
        PCV13("133", "Pneumococcal conjugate PCV 13", Route.INTRAMUSCULAR, 0.5),
        IPV("10", "IPV", Route.INTRAMUSCULAR, 0.5),
        MMR("03", "MMR", Route.SUBCUTANEOUS, 0.5),
        VARICELLA("21", "varicella", Route.SUBCUTANEOUS, 0.5),
        HEP_A_PEDIATRIC("83", "Hep A, ped/adol, 2 dose", Route.INTRAMUSCULAR, 0.5),
        TDAP("115", "Tdap", Route.INTRAMUSCULAR, 0.5),
        HPV9("165", "HPV9", Route.INTRAMUSCULAR, 0.5),
        MENACWY("136", "Meningococcal MCV4O", Route.INTRAMUSCULAR, 0.5),
        FLU_QUADRIVALENT("150", "Influenza, injectable, quadrivalent, preservative free", Route.INTRAMUSCULAR, 0.5),
        FLU_TRIVALENT("140", "Influenza, seasonal, injectable, preservative free", Route.INTRAMUSCULAR, 0.5),
        COVID_MRNA_30MCG("208", "COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose", Route.INTRAMUSCULAR, 0.3),
        COVID_UNSPECIFIED("213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION", Route.INTRAMUSCULAR, 0.3),
        ZOSTER_RECOMBINANT("187", "zoster recombinant", Route.INTRAMUSCULAR, 0.5),
        PCV20("216", "Pneumococcal conjugate PCV20, polysaccharide CRM197, preservative free",
                Route.INTRAMUSCULAR, 0.5);

        final Code code;
        final Route route;
        final double doseMl;

        Vaccine(String cvx, String display, Route route, double doseMl) {
            this.code = ClinicalCatalog.cvx(cvx, display);
            this.route = route;
            this.doseMl = doseMl;
        }
    }

    /** Doses due at each well-child visit, by the visit's target age in months. */
    static final Map<Integer, List<Vaccine>> CHILDHOOD_SCHEDULE = Map.ofEntries(
            Map.entry(0, List.of(Vaccine.HEP_B_PEDIATRIC)),
            Map.entry(1, List.of(Vaccine.HEP_B_PEDIATRIC)),
            Map.entry(2, List.of(Vaccine.DTAP, Vaccine.HIB, Vaccine.PCV13, Vaccine.IPV, Vaccine.ROTAVIRUS)),
            Map.entry(4, List.of(Vaccine.DTAP, Vaccine.HIB, Vaccine.PCV13, Vaccine.IPV, Vaccine.ROTAVIRUS)),
            Map.entry(6, List.of(Vaccine.DTAP, Vaccine.PCV13, Vaccine.IPV, Vaccine.HEP_B_PEDIATRIC)),
            Map.entry(12, List.of(Vaccine.MMR, Vaccine.VARICELLA, Vaccine.HEP_A_PEDIATRIC, Vaccine.HIB,
                    Vaccine.PCV13)),
            Map.entry(15, List.of(Vaccine.DTAP)),
            Map.entry(18, List.of(Vaccine.HEP_A_PEDIATRIC)),
            Map.entry(48, List.of(Vaccine.DTAP, Vaccine.IPV, Vaccine.MMR, Vaccine.VARICELLA)),
            Map.entry(132, List.of(Vaccine.TDAP, Vaccine.HPV9, Vaccine.MENACWY)),
            Map.entry(144, List.of(Vaccine.HPV9)),
            Map.entry(192, List.of(Vaccine.MENACWY)));

    /** Target ages (months) of well-child visits: newborn, infancy, toddler, then yearly. */
    static final List<Integer> WELL_CHILD_MONTHS = List.of(0, 1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 72,
            84, 96, 108, 120, 132, 144, 156, 168, 180, 192, 204);

    private VaccineCatalog() {
    }
}
