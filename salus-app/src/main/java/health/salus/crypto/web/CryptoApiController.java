package health.salus.crypto.web;

import health.salus.crypto.CryptoOperators;
import health.salus.crypto.erasure.PatientErasures;
import health.salus.crypto.rotation.KeyRotations;
import health.salus.crypto.rotation.Rotation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Key rotation for administrators, patient erasure for privacy officers and administrators. */
@RestController
@RequestMapping("/api/crypto")
class CryptoApiController {

    private static final int MIN_REASON = 10;
    private static final int MAX_REASON = 1000;

    private final CryptoOperators operators;
    private final KeyRotations rotations;
    private final PatientErasures erasures;

    CryptoApiController(CryptoOperators operators, KeyRotations rotations, PatientErasures erasures) {
        this.operators = operators;
        this.rotations = rotations;
        this.erasures = erasures;
    }

    @PostMapping("/rotations")
    ResponseEntity<Map<String, Object>> startRotation() {
        CryptoOperators.Operator operator = require(CryptoOperators.Duty.ROTATE_KEYS);
        try {
            Rotation rotation = rotations.start(operator.id());
            return ResponseEntity.accepted().location(URI.create("/api/crypto/rotations/" + rotation.id()))
                    .body(view(rotation));
        } catch (KeyRotations.AlreadyRunning running) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Key rotation " + running.rotationId()
                    + " is still running; wait for it to finish");
        }
    }

    @GetMapping("/rotations/{id}")
    Map<String, Object> rotation(@PathVariable String id) {
        require(CryptoOperators.Duty.ROTATE_KEYS);
        return rotations.find(id).map(CryptoApiController::view)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such key rotation"));
    }

    /** {@code {"patientId": "<Patient id>", "reason": "..."}} */
    record ErasureRequest(String patientId, String reason) {
    }

    @PostMapping("/erasures")
    ResponseEntity<PatientErasures.Erasure> erase(@RequestBody ErasureRequest request) {
        CryptoOperators.Operator operator = require(CryptoOperators.Duty.ERASE_PATIENT_DATA);
        if (request.patientId() == null || !request.patientId().matches("[A-Za-z0-9\\-.]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "patientId: a Patient id is required");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "reason: say why this patient's data is erased (10 to 1000 characters)");
        }
        PatientErasures.Erasure erasure = erasures.erase(request.patientId(), operator.id(), reason);
        return ResponseEntity.status(HttpStatus.CREATED).body(erasure);
    }

    private CryptoOperators.Operator require(CryptoOperators.Duty duty) {
        CryptoOperators.Operator operator = operators.current()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to use this"));
        if (!operator.may(duty)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your role may not use this");
        }
        return operator;
    }

    private static Map<String, Object> view(Rotation rotation) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rotation.id());
        view.put("state", rotation.state());
        view.put("phase", rotation.phase());
        view.put("rowsDone", rotation.rowsDone());
        view.put("rowsTotal", rotation.rowsTotal());
        view.put("bodiesResealed", rotation.bodiesResealed());
        view.put("keysRewrapped", rotation.keysRewrapped());
        view.put("keysCreated", rotation.keysCreated());
        view.put("keysRetired", rotation.keysRetired());
        view.put("started", rotation.startedAt().toString());
        view.put("finished", rotation.finishedAt().map(Object::toString).orElse(null));
        return view;
    }
}
