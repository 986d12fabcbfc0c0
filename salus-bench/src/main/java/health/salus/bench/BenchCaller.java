package health.salus.bench;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import health.salus.fhir.ResourceStore;
import health.salus.security.Accounts;
import health.salus.security.CurrentSubject;
import health.salus.security.OAuthClients;
import health.salus.security.Role;
import health.salus.security.SystemAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * Who the bench calls as. {@code system}: a client-credentials token from the token endpoint, as an
 * integration engine would hold (the policy's cheapest answer). {@code physician}: a physician's
 * token (signed with the server's own key, as the authorization-code flow would issue it), so every
 * request works out the physician's care relationships and filters by them.
 */
final class BenchCaller {

    private static final String CLIENT = "salus-bench";
    private static final String SECRET = "salus-bench-secret";

    private BenchCaller() {
    }

    static String systemToken(BenchServer server) throws IOException, InterruptedException {
        OAuthClients clients = server.bean(OAuthClients.class);
        if (!clients.exists(CLIENT)) {
            clients.registerSystemClient(CLIENT, SECRET, Set.of("system/*.cruds"), Set.of(Role.INTEGRATION));
        }
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=system/*.cruds"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    /** A physician who is the GP of the first sampled patient, and a one-hour token for them. */
    static String physicianToken(BenchServer server, String anyPatientId) {
        Patient patient = (Patient) server.bean(SystemAccess.class).call("bench",
                () -> server.bean(ResourceStore.class).read("Patient", anyPatientId));
        String practitioner = patient.getGeneralPractitionerFirstRep().getReference();
        Accounts accounts = server.bean(Accounts.class);
        String username = "bench-physician";
        String accountId = accounts.idOf(username).orElseGet(() -> accounts.create(username, "Bench physician",
                "salus-bench-clinician-2026!", Set.of(Role.PHYSICIAN), Optional.of(practitioner), Optional.empty()));
        @SuppressWarnings("unchecked")
        JWKSource<SecurityContext> keys = server.bean(JWKSource.class);
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("http://127.0.0.1:" + server.port()).subject(username)
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(2))).claim("scope", "user/*.rs")
                .claim(CurrentSubject.CLAIM_ACCOUNT, accountId).build();
        return new NimbusJwtEncoder(keys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }

    /** The sampled patients this caller may see (all of them for the system client). */
    static List<IngestBench.PatientSample> visible(List<IngestBench.PatientSample> patients, String base, String token)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        List<IngestBench.PatientSample> visible = new ArrayList<>();
        for (IngestBench.PatientSample patient : patients) {
            int status = client.send(HttpRequest.newBuilder(URI.create(base + "/Patient/" + patient.id()))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                visible.add(patient);
            }
        }
        return visible;
    }
}
