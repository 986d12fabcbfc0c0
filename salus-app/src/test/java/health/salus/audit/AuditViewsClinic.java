package health.salus.audit;

import health.salus.security.Accounts;
import health.salus.security.ConsentGrants;
import health.salus.security.Role;
import health.salus.support.FhirHttp;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * A small clinic for the audit views: patient Avery-care's physician (Dr. Avery Lind) and nurse
 * (Sam Okafor), a second patient with her own physician, a family member with a consent grant, and
 * signed-in users for every role the views care about. Made once per test class (sign-ins are slow).
 */
final class AuditViewsClinic {

    final String doctor;
    final String nurse;
    final String otherDoctor;
    final String patient;
    final String otherPatient;
    final String kin;
    final String consent;
    final List<String> observations;
    final String otherObservation;
    final FhirHttp physician;
    final FhirHttp nursing;
    final FhirHttp otherPhysician;
    final FhirHttp patientApp;
    final FhirHttp otherPatientApp;
    final FhirHttp proxy;
    final FhirHttp auditor;
    final FhirHttp privacyOfficer;
    final String physicianToken;
    final String otherPhysicianToken;
    final String patientToken;
    final String otherPatientToken;
    final String proxyToken;
    final String privacyOfficerToken;
    final String auditorToken;
    final String physicianAccount;
    final String proxyAccount;
    final String otherPhysicianAccount;
    final String nurseAccount;

    AuditViewsClinic(int port, Accounts accounts, Function<Resource, String> create) {
        doctor = create.apply(practitioner("Dr.", "Avery", "Lind"));
        nurse = create.apply(practitioner(null, "Sam", "Okafor"));
        otherDoctor = create.apply(practitioner("Dr.", "Noor", "Haddad"));
        patient = create.apply(patient());
        otherPatient = create.apply(patient());
        create.apply(team(patient, doctor, nurse));
        create.apply(team(otherPatient, otherDoctor));
        observations = List.of(create.apply(observation(patient)), create.apply(observation(patient)),
                create.apply(observation(patient)));
        otherObservation = create.apply(observation(otherPatient));
        RelatedPerson person = new RelatedPerson().setPatient(new Reference("Patient/" + patient));
        person.addName(new HumanName().setFamily("Kin").addGiven("Robin"));
        kin = create.apply(person);
        consent = create.apply(ConsentGrants.permit(patient, "RelatedPerson/" + kin, List.of()));
        String physicianUser = TestUsers.create(accounts, Role.PHYSICIAN, "Practitioner/" + doctor);
        String nurseUser = TestUsers.create(accounts, Role.NURSE, "Practitioner/" + nurse);
        String otherPhysicianUser = TestUsers.create(accounts, Role.PHYSICIAN, "Practitioner/" + otherDoctor);
        String proxyUser = TestUsers.create(accounts, Role.PROXY, "RelatedPerson/" + kin);
        physicianAccount = accounts.idOf(physicianUser).orElseThrow();
        nurseAccount = accounts.idOf(nurseUser).orElseThrow();
        otherPhysicianAccount = accounts.idOf(otherPhysicianUser).orElseThrow();
        proxyAccount = accounts.idOf(proxyUser).orElseThrow();
        physicianToken = token(port, physicianUser);
        otherPhysicianToken = token(port, otherPhysicianUser);
        patientToken = token(port, TestUsers.create(accounts, Role.PATIENT, "Patient/" + patient));
        otherPatientToken = token(port, TestUsers.create(accounts, Role.PATIENT, "Patient/" + otherPatient));
        proxyToken = token(port, proxyUser);
        privacyOfficerToken = token(port, TestUsers.create(accounts, Role.PRIVACY_OFFICER, null));
        auditorToken = token(port, TestUsers.create(accounts, Role.AUDITOR, null));
        physician = new FhirHttp(port, physicianToken);
        nursing = new FhirHttp(port, token(port, nurseUser));
        otherPhysician = new FhirHttp(port, otherPhysicianToken);
        patientApp = new FhirHttp(port, patientToken);
        otherPatientApp = new FhirHttp(port, otherPatientToken);
        proxy = new FhirHttp(port, proxyToken);
        auditor = new FhirHttp(port, auditorToken);
        privacyOfficer = new FhirHttp(port, privacyOfficerToken);
    }

    private static String token(int port, String username) {
        return SignIn.smartToken(port, username, "openid fhirUser user/*.cruds").get("access_token").asText();
    }

    private static Practitioner practitioner(String prefix, String given, String family) {
        Practitioner practitioner = new Practitioner();
        HumanName name = practitioner.addName().setFamily(family).addGiven(given);
        if (prefix != null) {
            name.addPrefix(prefix);
        }
        return practitioner;
    }

    private static Patient patient() {
        Patient patient = new Patient().setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.addName().setFamily("Audit" + UUID.randomUUID().toString().substring(0, 8)).addGiven("Test");
        return patient;
    }

    private static CareTeam team(String patientId, String... members) {
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE)
                .setSubject(new Reference("Patient/" + patientId));
        for (String member : members) {
            team.addParticipant().setMember(new Reference("Practitioner/" + member));
        }
        return team;
    }

    private static Observation observation(String patientId) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")))
                .setSubject(new Reference("Patient/" + patientId));
        observation.getCategoryFirstRep().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs"));
        return observation;
    }
}
