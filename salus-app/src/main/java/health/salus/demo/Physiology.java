package health.salus.demo;

/**
 * Vital signs and lab values that fit the patient: children grow along a percentile, adults
 * keep their height, and blood pressure, HbA1c, LDL and kidney function reflect the patient's
 * problems and whether they are being treated.
 */
final class Physiology {

    /** Per-patient offsets drawn once so every visit of the same patient looks related. */
    record Baseline(double heightZ, double bmiZ, double adultBmi, double bmiDriftPerYear, double systolic,
                    double diastolic, double heartRate, double a1c, double ldl, double creatinine,
                    double ckdEgfr) {
    }

    record BloodPressure(int systolic, int diastolic) {
    }

    /** CDC/WHO median stature (cm) by age in years for boys and girls; linear in between. */
    private static final double[] AGES = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
            15, 16, 17, 18};
    private static final double[] BOY_HEIGHT = {49.9, 61.4, 67.6, 72.0, 75.7, 82.3, 87.1, 95.1, 102.5, 109.2,
            115.5, 121.9, 128.0, 133.3, 138.4, 143.5, 149.1, 156.0, 163.2, 169.0, 172.9, 175.2, 176.1};
    private static final double[] GIRL_HEIGHT = {49.1, 59.8, 65.7, 70.1, 74.0, 80.7, 85.7, 94.1, 101.5, 108.4,
            115.0, 120.8, 126.6, 132.5, 138.6, 144.0, 149.8, 156.0, 159.8, 161.7, 162.5, 162.9, 163.1};
    /** Median BMI (kg/m2) by the same ages, sexes pooled; children's BMI varies with age. */
    private static final double[] CHILD_BMI = {13.4, 16.5, 17.3, 17.3, 17.0, 16.4, 16.0, 15.8, 15.5, 15.3, 15.3,
            15.5, 15.8, 16.2, 16.6, 17.2, 17.8, 18.5, 19.2, 19.8, 20.5, 21.0, 21.5};

    private Physiology() {
    }

    static Baseline draw(Rng rng, boolean female, boolean obese, boolean diabetic,
                         boolean hyperlipidemic, boolean ckd) {
        double adultBmi = obese ? rng.clampedGaussian(34, 3.5, 30.2, 48) : rng.clampedGaussian(25.5, 3, 18.5, 29.8);
        double bmiZ = obese ? rng.uniform(1.6, 2.6) : rng.clampedGaussian(0, 0.8, -1.8, 1.4);
        double a1c = diabetic ? rng.clampedGaussian(8.1, 0.9, 6.8, 11.5) : rng.clampedGaussian(5.3, 0.25, 4.6, 5.6);
        double ldl = hyperlipidemic ? rng.clampedGaussian(165, 18, 140, 220) : rng.clampedGaussian(102, 18, 55, 129);
        double creatinine = female ? rng.clampedGaussian(0.74, 0.1, 0.5, 0.95) : rng.clampedGaussian(0.95, 0.12, 0.65, 1.2);
        double ckdEgfr = ckd ? rng.uniform(38, 58) : 0;
        return new Baseline(rng.clampedGaussian(0, 1, -2.3, 2.3), bmiZ, adultBmi, rng.uniform(-0.05, 0.25),
                rng.gaussian(0, 7), rng.gaussian(0, 5), rng.gaussian(0, 6), a1c, ldl, creatinine, ckdEgfr);
    }

    static double heightCm(Baseline base, boolean female, double age) {
        double median = interpolate(female ? GIRL_HEIGHT : BOY_HEIGHT, Math.min(age, 18));
        double height = median * (1 + base.heightZ() * 0.04);
        if (age > 70) {
            // Vertebral compression makes older adults lose roughly a centimetre every 3 years.
            height -= (age - 70) * 0.3;
        }
        return height;
    }

    static double bmi(Baseline base, double age, double yearsIntoHistory) {
        if (age < 18) {
            double childBmi = interpolate(CHILD_BMI, age) * (1 + base.bmiZ() * 0.1);
            double blend = Math.max(0, (age - 14) / 4);
            return childBmi * (1 - blend) + base.adultBmi() * blend;
        }
        return base.adultBmi() + base.bmiDriftPerYear() * yearsIntoHistory;
    }

    static BloodPressure bloodPressure(Rng rng, Baseline base, double age, boolean hypertensive, int bpDrugs) {
        double systolic;
        double diastolic;
        if (age < 18) {
            systolic = 92 + 1.3 * age + base.systolic() * 0.6;
            diastolic = 55 + 0.9 * age + base.diastolic() * 0.6;
        } else {
            systolic = 114 + 0.33 * (age - 18) + base.systolic();
            diastolic = 73 + 0.12 * Math.min(age - 18, 40) - 0.1 * Math.max(0, age - 58) + base.diastolic();
        }
        if (hypertensive) {
            systolic += 24 - 11 * bpDrugs;
            diastolic += 11 - 5 * bpDrugs;
        }
        int sbp = (int) Math.round(systolic + rng.gaussian(0, 6));
        int dbp = (int) Math.round(diastolic + rng.gaussian(0, 4));
        dbp = Math.max(40, Math.min(dbp, sbp - 25));
        return new BloodPressure(Math.max(75, Math.min(sbp, 210)), dbp);
    }

    static double heartRate(Rng rng, Baseline base, double age, boolean copd, boolean febrile) {
        double mean = age < 1 ? 132 : age < 3 ? 115 : age < 6 ? 102 : age < 12 ? 88 : age < 18 ? 78 : 72;
        mean += base.heartRate() + (copd ? 6 : 0) + (febrile ? 12 : 0);
        return Math.max(45, Math.min(rng.gaussian(mean, 5), 185));
    }

    static double temperatureCelsius(Rng rng, boolean febrile) {
        return febrile ? rng.clampedGaussian(38.3, 0.45, 37.8, 40.0) : rng.clampedGaussian(36.8, 0.2, 36.1, 37.4);
    }

    static double oxygenSaturation(Rng rng, boolean copd, boolean respiratoryIllness) {
        if (copd) {
            return rng.clampedGaussian(respiratoryIllness ? 91 : 93, 1.5, 87, 96);
        }
        return rng.clampedGaussian(respiratoryIllness ? 96.5 : 98, 1, 94, 100);
    }

    static double a1c(Rng rng, Baseline base, boolean onMetformin) {
        double value = base.a1c() - (onMetformin ? 1.1 : 0) + rng.gaussian(0, 0.2);
        return Math.max(4.5, value);
    }

    /** Estimated average glucose from HbA1c (ADAG: 28.7 x A1c - 46.7), less a fasting margin. */
    static double glucoseMgDl(Rng rng, double a1c) {
        return Math.max(65, 28.7 * a1c - 46.7 - 12 + rng.gaussian(0, 9));
    }

    static double ldl(Rng rng, Baseline base, boolean onStatin) {
        return Math.max(40, base.ldl() * (onStatin ? 0.68 : 1) + rng.gaussian(0, 8));
    }

    /**
     * Creatinine and the matching MDRD eGFR (LOINC 33914-3 is the MDRD-based code):
     * 175 x Scr^-1.154 x age^-0.203 x 0.742 for women. For CKD the eGFR is set first and the
     * creatinine solved from it, so the two always agree and stay within stage 3.
     */
    static double[] creatinineAndEgfr(Rng rng, Baseline base, boolean female, double age, boolean ckd,
                                      double yearsIntoHistory) {
        double sexFactor = female ? 0.742 : 1.0;
        double ageFactor = StrictMath.pow(Math.max(age, 18), -0.203);
        double egfr;
        if (ckd) {
            egfr = Math.max(31, base.ckdEgfr() - 1.2 * yearsIntoHistory + rng.gaussian(0, 1.5));
            egfr = Math.min(egfr, 59);
        } else {
            double creatinine = base.creatinine() + rng.gaussian(0, 0.04);
            egfr = 175 * StrictMath.pow(creatinine, -1.154) * ageFactor * sexFactor;
            if (egfr >= 62) {
                return new double[] {creatinine, egfr};
            }
            // Without kidney disease the chart must not show stage 3 values.
            egfr = 62 + rng.uniform(0, 6);
        }
        double creatinine = StrictMath.pow(egfr / (175 * ageFactor * sexFactor), -1 / 1.154);
        return new double[] {creatinine, egfr};
    }

    private static double interpolate(double[] values, double age) {
        for (int i = 1; i < AGES.length; i++) {
            if (age <= AGES[i]) {
                double fraction = (age - AGES[i - 1]) / (AGES[i] - AGES[i - 1]);
                return values[i - 1] + fraction * (values[i] - values[i - 1]);
            }
        }
        return values[values.length - 1];
    }
}
