package health.salus.audit.recording;

import static org.assertj.core.api.Assertions.assertThat;

import health.salus.audit.AuditRecord;
import health.salus.audit.AuditTrail;
import health.salus.fhir.Interaction;
import health.salus.security.CurrentSubject;
import health.salus.security.RecordsAccessed;
import health.salus.security.Role;
import health.salus.security.SmartScopes;
import health.salus.security.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A FHIR read hands its records to the trail and holds its answer; anything else waits for the append. */
class PatientDataRecorderTest {

    private static final Subject PHYSICIAN = new Subject("acct-7", Subject.Kind.USER, Set.of(Role.PHYSICIAN),
            Optional.of("Practitioner/p-7"), SmartScopes.ALL, Optional.empty());
    private static final RecordsAccessed SEARCH = new RecordsAccessed("acct-7", Interaction.SEARCH,
            List.of(new RecordsAccessed.Item("Observation", "obs-1", "pat-1", false)));

    private final List<String> calls = new ArrayList<>();
    private final AuditTrail trail = new AuditTrail() {
        @Override
        public void record(List<AuditRecord> records) {
            calls.add("record " + records.size());
        }

        @Override
        public CompletableFuture<Void> recordInBackground(List<AuditRecord> records) {
            calls.add("in background " + records.size());
            return new CompletableFuture<>();
        }
    };
    private final PatientDataRecorder recorder;
    private final ResponseGate gate = new ResponseGate(java.time.Duration.ofSeconds(10));

    PatientDataRecorderTest() {
        CurrentSubject subjects = Mockito.mock(CurrentSubject.class);
        Mockito.when(subjects.current()).thenReturn(Optional.of(PHYSICIAN));
        Mockito.when(subjects.clientId()).thenReturn(Optional.empty());
        recorder = new PatientDataRecorder(trail, new AuditContext(subjects), Clock.systemUTC());
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aReadWithAGateIsAppendedInTheBackgroundAndItsAnswerHeld() {
        inRequest(gate);

        recorder.on(SEARCH);

        assertThat(calls).containsExactly("in background 1");
        assertThat(gate.holding()).isTrue();
    }

    @Test
    void insideATransactionTheAppendIsWaitedForEvenWithAGate() {
        inRequest(gate);
        TransactionSynchronizationManager.setActualTransactionActive(true);

        recorder.on(SEARCH);

        assertThat(calls).containsExactly("record 1");
    }

    @Test
    void onceTheAnswerHasBegunToLeaveTheAppendIsWaitedFor() {
        inRequest(gate);
        gate.open();

        recorder.on(SEARCH);

        assertThat(calls).containsExactly("record 1");
    }

    @Test
    void withoutAGateTheAppendIsWaitedFor() {
        inRequest(null);

        recorder.on(SEARCH);

        assertThat(calls).containsExactly("record 1");
    }

    private static void inRequest(ResponseGate gate) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Observation");
        if (gate != null) {
            request.setAttribute(ResponseGate.ATTRIBUTE, gate);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
