package health.salus.patients.merge;

import ca.uhn.fhir.context.FhirContext;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.FhirApiTest;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the merge tests look at: stored references, compartments, keys and versions, and the audit trail. */
abstract class MergeApiTest extends FhirApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    String token(Role role) {
        return SignIn.smartToken(port, TestUsers.create(accounts, role, null), "openid user/*.cruds")
                .get("access_token").asText();
    }

    int total(String query) {
        return search(query + "&_count=200").getEntry().size();
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    static String key(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    static List<Resource> concat(List<Resource> first, List<Resource> second) {
        List<Resource> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Every literal reference of each resource as it is stored now, in document order. */
    Map<String, List<String>> references(List<Resource> resources) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Resource resource : resources) {
            all.put(key(resource), references(read(resource.getClass(), resource.getIdElement().getIdPart())));
        }
        return all;
    }

    static List<String> references(Resource resource) {
        return FhirContext.forR4Cached().newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)
                .stream().map(Reference::getReference).toList();
    }

    String compartment(Resource resource) {
        return jdbc.sql("select compartment from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(String.class).single();
    }

    String keyId(Resource resource) {
        return jdbc.sql("select key_id from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(String.class).single();
    }

    long version(Resource resource) {
        return jdbc.sql("select version from fhir_resource where res_type = ? and fhir_id = ?")
                .params(resource.fhirType(), resource.getIdElement().getIdPart()).query(Long.class).single();
    }

    int audited(String action, String mergeId) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and detail like ?")
                .params(action, "merge:" + mergeId + " %").query(Integer.class).single();
    }
}
