package health.salus.patients.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.patients.mpi.MatchAssessment.Decision;
import health.salus.security.SystemAccess;
import health.salus.support.FhirApiTest;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The index finds registered patients through the store's keyed-hash searches: the same person again
 * is certain, a misspelt one probable, someone else nobody; twins are not one person.
 */
class PatientIndexTest extends FhirApiTest {

    @Autowired
    PatientIndex index;
    @Autowired
    SystemAccess system;

    private String family;
    private String birthDate;
    private String phone;
    private String email;
    private String existingId;

    @BeforeEach
    void registered() {
        family = MpiTestPatients.uniqueSurname();
        birthDate = MpiTestPatients.uniqueBirthDate();
        phone = MpiTestPatients.uniquePhone();
        email = family.toLowerCase() + "@example.org";
        existingId = create(MpiTestPatients.patient("Elizabeth", family, birthDate, AdministrativeGender.FEMALE,
                phone, email, "12 Saguaro Way", "85701")).getIdElement().getIdPart();
    }

    private MatchAssessment assess(Patient patient) {
        return system.call("mpi-test", () -> index.assess(patient));
    }

    @Test
    void theSamePersonAgainIsACertainMatch() {
        MatchAssessment assessment = assess(MpiTestPatients.patient("Elizabeth", family, birthDate,
                AdministrativeGender.FEMALE, phone, email, "12 Saguaro Way", "85701"));

        assertThat(assessment.decision()).isEqualTo(Decision.CERTAIN);
        assertThat(assessment.candidates().get(0).patientId()).isEqualTo(existingId);
        assertThat(assessment.candidates().get(0).agreements()).contains("given", "family", "birthDate", "phone");
    }

    @Test
    void aNicknameWithATypoInTheSurnameAndANewPhoneIsProbable() {
        String typo = family.substring(0, 4) + family.charAt(5) + family.charAt(4) + family.substring(6);
        MatchAssessment assessment = assess(MpiTestPatients.patient("Liz", typo, birthDate,
                AdministrativeGender.FEMALE, MpiTestPatients.uniquePhone(), null, "88 Mesquite Rd", "85281"));

        assertThat(assessment.decision()).isEqualTo(Decision.PROBABLE);
        assertThat(assessment.candidates()).extracting(MatchAssessment.Candidate::patientId).containsExactly(existingId);
    }

    @Test
    void aNicknameWithATypoThatChangesTheSurnamesSoundIsStillFoundByBirthDate() {
        // "…ci…" typed "…ic…": the soft c turns hard, so the surname's sound no longer finds the record, and
        // "Liz" shares no first letters with "Elizabeth"; the nickname's formal form with the birth date does
        String soft = family.substring(0, 4) + "ci" + family.substring(6);
        String existing = create(MpiTestPatients.patient("Elizabeth", soft, birthDate, AdministrativeGender.FEMALE,
                MpiTestPatients.uniquePhone(), null, "12 Saguaro Way", "85701")).getIdElement().getIdPart();
        String typo = soft.substring(0, 4) + "ic" + soft.substring(6);

        MatchAssessment assessment = assess(MpiTestPatients.patient("Liz", typo, birthDate,
                AdministrativeGender.FEMALE, MpiTestPatients.uniquePhone(), null, "88 Mesquite Rd", "85281"));

        assertThat(assessment.decision()).isEqualTo(Decision.PROBABLE);
        assertThat(assessment.candidates()).extracting(MatchAssessment.Candidate::patientId).contains(existing);
    }

    @Test
    void someoneElseIsNoMatch() {
        MatchAssessment assessment = assess(MpiTestPatients.patient("Elizabeth", MpiTestPatients.uniqueSurname(),
                MpiTestPatients.uniqueBirthDate(), AdministrativeGender.FEMALE, MpiTestPatients.uniquePhone(), null,
                "3 Ocotillo Ct", "85705"));

        assertThat(assessment.decision()).isEqualTo(Decision.NONE);
        assertThat(assessment.candidates()).isEmpty();
    }

    @Test
    void aTwinSharingHomePhoneAndBirthDateIsNotTheSamePerson() {
        MatchAssessment assessment = assess(MpiTestPatients.patient("Margaret", family, birthDate,
                AdministrativeGender.FEMALE, phone, null, "12 Saguaro Way", "85701"));

        assertThat(assessment.decision()).isEqualTo(Decision.NONE);
    }

    @Test
    void theStoredPatientItselfIsNeverItsOwnCandidate() {
        Patient stored = read(Patient.class, existingId);

        assertThat(assess(stored).candidates()).extracting(MatchAssessment.Candidate::patientId)
                .doesNotContain(existingId);
    }
}
