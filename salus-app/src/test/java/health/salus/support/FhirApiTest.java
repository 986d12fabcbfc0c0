package health.salus.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the FHIR API tests: a real HTTP client on the running application, HAPI's parser to build
 * and read resources, and a few assertions that show the response body when a status is wrong.
 * Every test makes its own uniquely named data ({@link #unique()}), since the database is shared.
 */
@SalusIntegrationTest
public abstract class FhirApiTest {

    protected static final String XML = "application/fhir+xml";

    @LocalServerPort
    private int port;

    protected FhirHttp http;

    @BeforeEach
    void connect() {
        http = new FhirHttp(port);
    }

    /** A fresh lowercase token for names, identifiers and codes no other test uses. */
    protected static String unique() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    protected static IParser json() {
        return FhirContext.forR4Cached().newJsonParser();
    }

    protected static String json(IBaseResource resource) {
        return json().encodeResourceToString(resource);
    }

    protected static <T extends IBaseResource> T parse(String body, Class<T> type) {
        return json().parseResource(type, body);
    }

    /** Asserts the status, showing the body when it differs. */
    protected static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("HTTP status; body was: %s", response.body()).isEqualTo(status);
        return response;
    }

    /** Creates a resource through POST and returns it as stored (with id and version). */
    @SuppressWarnings("unchecked")
    protected <T extends Resource> T create(T resource) {
        HttpResponse<String> response = expect(http.post("/" + resource.fhirType(), json(resource)), 201);
        return (T) parse(response.body(), resource.getClass());
    }

    protected <T extends Resource> T read(Class<T> type, String id) {
        String typeName = FhirContext.forR4Cached().getResourceType(type);
        return parse(expect(http.get("/" + typeName + "/" + id), 200).body(), type);
    }

    /** A search that must succeed; {@code query} is the path and query string, e.g. {@code Patient?name=x}. */
    protected Bundle search(String query) {
        return parse(expect(http.get("/" + query), 200).body(), Bundle.class);
    }

    /** The ids of the entries that matched (not included ones), in bundle order. */
    protected static List<String> matchIds(Bundle bundle) {
        return bundle.getEntry().stream()
                .filter(e -> e.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    protected static List<String> ids(List<? extends Resource> resources) {
        return resources.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    /** Asserts an error status with an OperationOutcome that says what went wrong. */
    protected static OperationOutcome outcome(HttpResponse<String> response, int status) {
        expect(response, status);
        OperationOutcome outcome = parse(response.body(), OperationOutcome.class);
        assertThat(outcome.getIssue()).as("issues").isNotEmpty();
        assertThat(outcome.getIssueFirstRep().getSeverity()).isIn(OperationOutcome.IssueSeverity.ERROR,
                OperationOutcome.IssueSeverity.FATAL);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).as("diagnostics").isNotBlank();
        return outcome;
    }

    protected static String diagnostics(OperationOutcome outcome) {
        return String.join("\n", outcome.getIssue().stream()
                .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics).map(String::valueOf).toList());
    }

    /** A request with any headers, for content types and methods the plain helpers do not cover. */
    protected HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request);
    }
}
