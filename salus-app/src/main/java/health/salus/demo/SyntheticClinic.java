package health.salus.demo;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A reproducible synthetic clinic network and its patients as FHIR R4 transaction bundles.
 *
 * <p>Nothing depends on the clock: all history is laid out in the five years before
 * {@code referenceDate}, apart from a few appointments booked after it. The same seed and
 * reference date always give byte-identical JSON. Load {@link #directoryBundle()} first; patient
 * bundles refer to its practitioners, organizations and locations by id.
 */
public final class SyntheticClinic {

    private final ClinicDirectory directory;
    private final PatientHistoryGenerator patients;

    public SyntheticClinic(long seed, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        this.directory = DirectoryGenerator.generate(seed);
        this.patients = new PatientHistoryGenerator(seed, directory, referenceDate);
    }

    /** Organizations, locations, practitioners and roles, as idempotent PUTs with fixed ids. */
    public Bundle directoryBundle() {
        return new DirectoryBundleWriter(directory).write();
    }

    /** Patient {@code index} (zero-based) and their history, as POSTs linked by urn:uuid. */
    public Bundle patientBundle(int index) {
        return patients.generate(index);
    }

    /**
     * Patients {@code 0..count-1}, generated lazily one at a time so that very large
     * populations never have to fit in memory together.
     */
    public Stream<Bundle> patientBundles(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return IntStream.range(0, count).mapToObj(this::patientBundle);
    }
}
