package health.salus.demo;

import health.salus.fhir.ResourceStore;
import health.salus.fhir.SearchRequest;
import health.salus.security.Accounts;
import health.salus.security.ConsentGrants;
import health.salus.security.DemoCredentials;
import health.salus.security.OAuthClients;
import health.salus.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One demo account per role, linked into the demo clinic so each sees what that role would: the
 * physician is the demo patient's GP, the nurse and coordinator are on the patient's care team,
 * the family member holds the patient's consent. Plus the demo API client and SMART app.
 */
final class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private static final List<String> PROXY_GRANTED_TYPES = List.of("Patient", "Appointment", "Immunization",
            "AllergyIntolerance", "MedicationRequest", "CarePlan");

    private final ResourceStore store;
    private final Accounts accounts;
    private final OAuthClients clients;

    DemoAccounts(ResourceStore store, Accounts accounts, OAuthClients clients) {
        this.store = store;
        this.accounts = accounts;
        this.clients = clients;
    }

    void ensure() {
        if (accounts.exists(Role.PHYSICIAN.code())) {
            return;
        }
        Patient patient = (Patient) store.search(new SearchRequest("Patient", Map.of("_sort", List.of("_id"),
                "_count", List.of("1")))).matches().get(0);
        String patientId = patient.getIdElement().getIdPart();
        String gp = patient.getGeneralPractitionerFirstRep().getReferenceElement().getIdPart();
        String nurse = created(practitioner("Avery", "Lind", "RN"));
        String coordinator = created(practitioner("Jordan", "Pike", "MSW"));
        CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setName("Primary care team")
                .setSubject(new Reference("Patient/" + patientId));
        List.of("Practitioner/" + gp, "Practitioner/" + nurse, "Practitioner/" + coordinator)
                .forEach(ref -> team.addParticipant().setMember(new Reference(ref)));
        store.create(team, Optional.empty());
        RelatedPerson family = new RelatedPerson().setPatient(new Reference("Patient/" + patientId));
        family.addName(new HumanName().setFamily("Rivera").addGiven("Sam"));
        family.getRelationshipFirstRep().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-RoleCode")
                .setCode("CHILD").setDisplay("child");
        String familyId = created(family);
        store.create(ConsentGrants.permit(patientId, "RelatedPerson/" + familyId, PROXY_GRANTED_TYPES),
                Optional.empty());

        account(Role.PHYSICIAN, "Demo physician", "Practitioner/" + gp);
        account(Role.NURSE, "Demo nurse", "Practitioner/" + nurse);
        account(Role.CARE_COORDINATOR, "Demo care coordinator", "Practitioner/" + coordinator);
        account(Role.PATIENT, "Demo patient", "Patient/" + patientId);
        account(Role.PROXY, "Demo family member", "RelatedPerson/" + familyId);
        for (Role role : List.of(Role.FRONT_DESK, Role.BILLER, Role.ADMINISTRATOR, Role.PRIVACY_OFFICER, Role.AUDITOR)) {
            account(role, "Demo " + role.code().replace('-', ' '), null);
        }
        if (!clients.exists(DemoCredentials.API_CLIENT_ID)) {
            clients.registerSystemClient(DemoCredentials.API_CLIENT_ID, DemoCredentials.API_CLIENT_SECRET,
                    Set.of("system/*.rs"), Set.of(Role.INTEGRATION));
            clients.registerSmartApp(DemoCredentials.SMART_APP_ID, DemoCredentials.SMART_APP_SECRET,
                    List.of("http://127.0.0.1:8080/smart/callback", "http://localhost:8080/smart/callback"),
                    Set.of("openid", "fhirUser", "launch/patient", "offline_access", "patient/*.rs", "user/*.rs"),
                    true);
        }
        log.info("Demo accounts ready: one per role, password and codes on the sign-in page");
    }

    private void account(Role role, String displayName, String fhirUser) {
        accounts.create(role.code(), displayName, DemoCredentials.PASSWORD, Set.of(role), Optional.ofNullable(fhirUser),
                role.isStaff() ? Optional.of(DemoCredentials.TOTP_SECRET) : Optional.empty());
    }

    private String created(Resource resource) {
        return store.create(resource, Optional.empty()).resource().getIdElement().getIdPart();
    }

    private static Practitioner practitioner(String given, String family, String degree) {
        Practitioner practitioner = new Practitioner();
        practitioner.addName(new HumanName().setFamily(family).addGiven(given).addSuffix(degree));
        practitioner.setGender(Enumerations.AdministrativeGender.UNKNOWN);
        return practitioner;
    }
}
