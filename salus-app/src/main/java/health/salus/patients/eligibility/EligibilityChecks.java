package health.salus.patients.eligibility;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Queues eligibility checks: a status row and a durable job, committed together. */
@Service
class EligibilityChecks {

    private final EligibilityCheckRows rows;
    private final SchedulerClient scheduler;
    private final CustomTask<String> task;
    private final Clock clock;

    EligibilityChecks(EligibilityCheckRows rows, SchedulerClient scheduler, CustomTask<String> eligibilityCheckTask,
            Clock clock) {
        this.rows = rows;
        this.scheduler = scheduler;
        this.task = eligibilityCheckTask;
        this.clock = clock;
    }

    /** The check a registration starts: one per registration, however often its event is delivered. */
    @Transactional
    void queueForRegistration(String patientId, String coverageId) {
        String id = UUID.nameUUIDFromBytes(("registration " + patientId + " " + coverageId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        queue(id, patientId, coverageId, Optional.empty());
    }

    /** A check someone asked for, with the CoverageEligibilityRequest they recorded; returns its id. */
    @Transactional
    String queueOnRequest(String patientId, String coverageId, String requestId) {
        String id = UUID.randomUUID().toString();
        queue(id, patientId, coverageId, Optional.of(requestId));
        return id;
    }

    private void queue(String id, String patientId, String coverageId, Optional<String> requestId) {
        Instant now = clock.instant();
        if (rows.insert(id, patientId, coverageId, requestId, now)) {
            scheduler.scheduleIfNotExists(task.instance(id, id), now);
        }
    }
}
