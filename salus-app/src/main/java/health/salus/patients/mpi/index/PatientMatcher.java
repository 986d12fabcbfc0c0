package health.salus.patients.mpi.index;

import health.salus.patients.mpi.matching.Comparison;
import health.salus.patients.mpi.matching.MatchModel;
import health.salus.patients.mpi.matching.Nicknames;
import health.salus.patients.mpi.matching.PatientRecords;
import health.salus.patients.mpi.matching.ProbabilisticMatcher;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The configured matcher on FHIR Patients: one model for assessment, review and search alike. */
@Component
@EnableConfigurationProperties(MatchingProperties.class)
public class PatientMatcher {

    private final ProbabilisticMatcher matcher;
    private final PatientRecords records;
    private final int candidateLimit;
    private final Nicknames nicknames = Nicknames.bundled();

    PatientMatcher(MatchingProperties properties) {
        this.matcher = new ProbabilisticMatcher(properties.model(), nicknames);
        this.records = new PatientRecords(Set.copyOf(properties.mrnSystems()));
        this.candidateLimit = properties.candidateLimit();
    }

    public Comparison compare(Patient a, Patient b) {
        return matcher.compare(records.from(a), records.from(b));
    }

    public MatchModel model() {
        return matcher.model();
    }

    int candidateLimit() {
        return candidateLimit;
    }

    Nicknames nicknames() {
        return nicknames;
    }
}
