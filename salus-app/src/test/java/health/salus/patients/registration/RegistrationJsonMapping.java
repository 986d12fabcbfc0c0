package health.salus.patients.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads a request the way the controller receives it. */
final class RegistrationJsonMapping {

    private RegistrationJsonMapping() {
    }

    static RegistrationRequest read(String json) {
        try {
            return new ObjectMapper().readValue(json, RegistrationRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
