package health.salus.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.salus.security.Accounts;
import health.salus.security.Role;
import health.salus.support.Api;
import health.salus.support.SignIn;
import health.salus.support.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;

/** Calls to {@code /api/crypto} as a signed-in user of some role. */
final class CryptoApi {

    private final int port;

    CryptoApi(int port) {
        this.port = port;
    }

    String tokenFor(Accounts accounts, Role role) {
        String username = TestUsers.create(accounts, role, null);
        return SignIn.smartToken(port, username, "openid user/*.rs").get("access_token").asText();
    }

    HttpResponse<String> call(String token, String method, String path, String json) {
        return Api.call(port, token, method, path, json);
    }

    /** Polls a rotation until it has finished (or gives up after two minutes of polling). */
    JsonNode awaitFinished(String token, String rotationId) throws InterruptedException {
        JsonNode rotation = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            rotation = json(call(token, "GET", "/api/crypto/rotations/" + rotationId, null));
            if ("finished".equals(rotation.get("state").asText())) {
                return rotation;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The rotation did not finish: " + rotation);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
