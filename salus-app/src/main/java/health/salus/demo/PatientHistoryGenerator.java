package health.salus.demo;

import health.salus.patients.PrivacyNotice;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Generates one patient's transaction bundle: the Patient first, then appointments,
 * encounters and everything recorded at them in date order. Each patient draws from its own
 * random stream, so patient {@code n} is the same whether or not others were generated first.
 */
final class PatientHistoryGenerator {

    private final long seed;
    private final LocalDate referenceDate;
    private final PatientProfileFactory profiles;
    private final VisitPlanner visitPlanner;
    private final ImmunizationPlanner immunizationPlanner;
    private final EncounterWriter encounterWriter;

    PatientHistoryGenerator(long seed, ClinicDirectory directory, LocalDate referenceDate) {
        this.seed = seed;
        this.referenceDate = referenceDate;
        this.profiles = new PatientProfileFactory(directory, referenceDate);
        this.visitPlanner = new VisitPlanner(directory, referenceDate);
        this.immunizationPlanner = new ImmunizationPlanner(visitPlanner, referenceDate);
        this.encounterWriter = new EncounterWriter(directory);
    }

    Bundle generate(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Patient index must not be negative: " + index);
        }
        Rng rng = Rng.forStream(seed, index);
        PatientProfile patient = profiles.create(index, rng);
        List<Visit> visits = immunizationPlanner.assign(patient, visitPlanner.plan(patient, rng), rng);

        PatientBundleBuilder bundle = new PatientBundleBuilder(seed, index);
        String guardian = rng.pick(rng.chance(0.6) ? NamePools.FEMALE : NamePools.MALE);
        String patientRef = bundle.add(PatientResourceWriter.write(patient, referenceDate, guardian));
        // every demo patient acknowledged the privacy notice when first seen, as registration requires today
        bundle.add(PrivacyNotice.acknowledgedBy(patientRef,
                visitPlanner.windowStart(patient).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        PatientChart chart = new PatientChart(patient, rng, bundle, encounterWriter, referenceDate,
                visitPlanner.windowStart(patient), patientRef);
        visits.forEach(chart::record);
        return bundle.build();
    }
}
