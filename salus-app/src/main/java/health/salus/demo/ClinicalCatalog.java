package health.salus.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The terminology the generators draw from. Every code is a real one in its code system; the
 * displays follow each system's preferred wording so that the data reads like a real chart.
 */
final class ClinicalCatalog {

    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.9999.1";

    /** One coded concept. */
    record Code(String system, String code, String display) {
    }

    static Code snomed(String code, String display) {
        return new Code(SNOMED, code, display);
    }

    static Code icd10(String code, String display) {
        return new Code(ICD10_CM, code, display);
    }

    static Code rxnorm(String code, String display) {
        return new Code(RXNORM, code, display);
    }

    static Code loinc(String code, String display) {
        return new Code(LOINC, code, display);
    }

    static Code cvx(String code, String display) {
        return new Code(CVX, code, display);
    }

    /** A medication order template: what is prescribed, how it is taken and dispensed. */
    record Drug(Code code, String instructions, int timesPerDay, double unitsPerDose, boolean asNeeded,
                String doseUnit, Code route, int dispenseQuantity, String dispenseUnit, int daysSupply,
                boolean chronic) {
    }

    static final Code ORAL = snomed("26643006", "Oral route (qualifier value)");
    static final Code INHALED = snomed("447694001", "Respiratory tract route (qualifier value)");

    static final Drug LISINOPRIL = new Drug(rxnorm("314076", "lisinopril 10 MG Oral Tablet"),
            "Take 1 tablet by mouth once daily.", 1, 1, false, "{tbl}", ORAL, 90, "{tbl}", 90, true);
    static final Drug AMLODIPINE = new Drug(rxnorm("197361", "amlodipine 5 MG Oral Tablet"),
            "Take 1 tablet by mouth once daily.", 1, 1, false, "{tbl}", ORAL, 90, "{tbl}", 90, true);
    static final Drug HYDROCHLOROTHIAZIDE = new Drug(rxnorm("310798", "hydrochlorothiazide 25 MG Oral Tablet"),
            "Take 1 tablet by mouth every morning.", 1, 1, false, "{tbl}", ORAL, 90, "{tbl}", 90, true);
    static final Drug METFORMIN = new Drug(
            rxnorm("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet"),
            "Take 1 tablet by mouth once daily with the evening meal.", 1, 1, false, "{tbl}", ORAL, 90, "{tbl}", 90,
            true);
    static final Drug SIMVASTATIN = new Drug(rxnorm("312961", "simvastatin 20 MG Oral Tablet"),
            "Take 1 tablet by mouth every evening.", 1, 1, false, "{tbl}", ORAL, 90, "{tbl}", 90, true);
    static final Drug ALBUTEROL = new Drug(
            rxnorm("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
            "Inhale 2 puffs every 4 to 6 hours as needed for wheezing or shortness of breath.", 4, 2, true,
            "{puff}", INHALED, 1, "{inhaler}", 30, true);
    static final Drug FLUTICASONE = new Drug(
            rxnorm("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler"),
            "Inhale 2 puffs twice daily. Rinse mouth after use.", 2, 2, false, "{puff}", INHALED, 1, "{inhaler}",
            30, true);
    static final Drug SERTRALINE = new Drug(rxnorm("312940", "sertraline 50 MG Oral Tablet"),
            "Take 1 tablet by mouth once daily.", 1, 1, false, "{tbl}", ORAL, 30, "{tbl}", 30, true);
    static final Drug AMOXICILLIN = new Drug(rxnorm("308182", "amoxicillin 250 MG Oral Capsule"),
            "Take 1 capsule by mouth three times daily for 10 days.", 3, 1, false, "{cap}", ORAL, 30, "{cap}", 10,
            false);
    static final Drug AZITHROMYCIN = new Drug(rxnorm("308460", "azithromycin 250 MG Oral Tablet"),
            "Take 2 tablets by mouth on day 1, then 1 tablet daily on days 2 through 5.", 1, 1, false, "{tbl}",
            ORAL, 6, "{tbl}", 5, false);
    static final Drug ACETAMINOPHEN = new Drug(rxnorm("313782", "acetaminophen 325 MG Oral Tablet"),
            "Take 2 tablets by mouth every 6 hours as needed for fever or pain.", 4, 2, true, "{tbl}", ORAL, 40,
            "{tbl}", 5, false);
    static final Drug IBUPROFEN = new Drug(rxnorm("310965", "ibuprofen 200 MG Oral Tablet"),
            "Take 2 tablets by mouth every 8 hours as needed for pain, with food.", 3, 2, true, "{tbl}", ORAL, 60,
            "{tbl}", 10, false);

    /** Long-term problems; prevalence by age lives in {@link PatientProfileFactory}. */
    enum ChronicProblem {
        HYPERTENSION(snomed("59621000", "Essential hypertension (disorder)"),
                icd10("I10", "Essential (primary) hypertension"), 18),
        DIABETES_TYPE_2(snomed("44054006", "Diabetes mellitus type 2 (disorder)"),
                icd10("E11.9", "Type 2 diabetes mellitus without complications"), 25),
        HYPERLIPIDEMIA(snomed("55822004", "Hyperlipidemia (disorder)"),
                icd10("E78.5", "Hyperlipidemia, unspecified"), 25),
        ASTHMA(snomed("195967001", "Asthma (disorder)"),
                icd10("J45.909", "Unspecified asthma, uncomplicated"), 2),
        DEPRESSION(snomed("35489007", "Depressive disorder (disorder)"),
                icd10("F32.A", "Depression, unspecified"), 12),
        COPD(snomed("13645005", "Chronic obstructive lung disease (disorder)"),
                icd10("J44.9", "Chronic obstructive pulmonary disease, unspecified"), 40),
        CKD_STAGE_3(snomed("433144002", "Chronic kidney disease stage 3 (disorder)"),
                icd10("N18.30", "Chronic kidney disease, stage 3 unspecified"), 40),
        OBESITY(snomed("414916001", "Obesity (disorder)"), icd10("E66.9", "Obesity, unspecified"), 18);

        final Code snomed;
        final Code icd10;
        final int earliestOnsetAge;

        ChronicProblem(Code snomed, Code icd10, int earliestOnsetAge) {
            this.snomed = snomed;
            this.icd10 = icd10;
            this.earliestOnsetAge = earliestOnsetAge;
        }

        /** Problems that bring the patient back for regular follow-up visits. */
        boolean needsFollowUp() {
            return this != OBESITY && this != ASTHMA;
        }
    }

    /** Self-limited illnesses seen at sick visits. */
    enum AcuteIllness {
        OTITIS_MEDIA(snomed("65363002", "Otitis media (disorder)"),
                icd10("H66.90", "Otitis media, unspecified, unspecified ear"), 0, 10, true),
        STREP_THROAT(snomed("43878008", "Streptococcal sore throat (disorder)"),
                icd10("J02.0", "Streptococcal pharyngitis"), 3, 95, true),
        UPPER_RESPIRATORY_INFECTION(snomed("54150009", "Upper respiratory infection (disorder)"),
                icd10("J06.9", "Acute upper respiratory infection, unspecified"), 0, 95, true),
        VIRAL_SINUSITIS(snomed("444814009", "Viral sinusitis (disorder)"),
                icd10("J01.90", "Acute sinusitis, unspecified"), 5, 95, false),
        ACUTE_BRONCHITIS(snomed("10509002", "Acute bronchitis (disorder)"),
                icd10("J20.9", "Acute bronchitis, unspecified"), 1, 95, true),
        LOW_BACK_PAIN(snomed("279039007", "Low back pain (finding)"),
                icd10("M54.50", "Low back pain, unspecified"), 18, 95, false),
        COVID_19(snomed("840539006",
                "Disease caused by severe acute respiratory syndrome coronavirus 2 (disorder)"),
                icd10("U07.1", "COVID-19"), 0, 95, true);

        final Code snomed;
        final Code icd10;
        final int minAge;
        final int maxAge;
        final boolean febrile;

        AcuteIllness(Code snomed, Code icd10, int minAge, int maxAge, boolean febrile) {
            this.snomed = snomed;
            this.icd10 = icd10;
            this.minAge = minAge;
            this.maxAge = maxAge;
            this.febrile = febrile;
        }

        static List<AcuteIllness> forAge(int age) {
            return Arrays.stream(values()).filter(i -> age >= i.minAge && age <= i.maxAge).toList();
        }
    }

    /** Allergen with its FHIR category and the reactions it tends to cause. */
    enum Allergen {
        PENICILLIN(snomed("764146007", "Penicillin (substance)"), "medication", 0.08,
                List.of(snomed("271807003", "Eruption of skin (disorder)"),
                        snomed("126485001", "Urticaria (disorder)"),
                        snomed("39579001", "Anaphylaxis (disorder)"))),
        SULFONAMIDE(snomed("387406002", "Sulfonamide (substance)"), "medication", 0.03,
                List.of(snomed("271807003", "Eruption of skin (disorder)"),
                        snomed("126485001", "Urticaria (disorder)"))),
        PEANUT(snomed("762952008", "Peanut (substance)"), "food", 0.02,
                List.of(snomed("126485001", "Urticaria (disorder)"),
                        snomed("39579001", "Anaphylaxis (disorder)"))),
        LATEX(snomed("111088007", "Latex (substance)"), "environment", 0.01,
                List.of(snomed("40275004", "Contact dermatitis (disorder)")));

        final Code substance;
        final String category;
        final double prevalence;
        final List<Code> reactions;

        Allergen(Code substance, String category, double prevalence, List<Code> reactions) {
            this.substance = substance;
            this.category = category;
            this.prevalence = prevalence;
            this.reactions = reactions;
        }
    }

    private ClinicalCatalog() {
    }
}
