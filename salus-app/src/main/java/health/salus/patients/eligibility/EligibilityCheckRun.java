package health.salus.patients.eligibility;

import health.salus.patients.eligibility.clearinghouse.Clearinghouse;
import health.salus.patients.eligibility.clearinghouse.ClearinghouseRefusedException;
import health.salus.patients.eligibility.clearinghouse.ClearinghouseUnavailableException;
import health.salus.patients.eligibility.x12.EligibilityAnswer;
import health.salus.patients.eligibility.x12.EligibilityInquiry;
import health.salus.patients.eligibility.x12.Envelope;
import health.salus.patients.eligibility.x12.Inquiry270;
import health.salus.patients.eligibility.x12.Response271;
import health.salus.patients.eligibility.x12.X12Reader;
import health.salus.security.SystemAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt of an eligibility check, run by the durable job as the system: reads the coverage, sends
 * the 270, reads the 271, records the answer in FHIR and the check's status. Decides whether to try
 * again (no answer, or a payer unable to respond now) and when, by the configured backoff. Logs ids and
 * codes only: the X12 names the patient.
 */
@Component
class EligibilityCheckRun {

    private static final Logger log = LoggerFactory.getLogger(EligibilityCheckRun.class);
    static final String PURPOSE = "insurance eligibility check";

    private final EligibilityCheckRows rows;
    private final InsuredParties parties;
    private final EligibilityResources resources;
    private final Clearinghouse clearinghouse;
    private final SystemAccess systemAccess;
    private final EligibilityProperties properties;
    private final Clock clock;

    EligibilityCheckRun(EligibilityCheckRows rows, InsuredParties parties, EligibilityResources resources,
            Clearinghouse clearinghouse, SystemAccess systemAccess, EligibilityProperties properties, Clock clock) {
        this.rows = rows;
        this.parties = parties;
        this.resources = resources;
        this.clearinghouse = clearinghouse;
        this.systemAccess = systemAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one attempt came to: settled, or to be tried again because of {@code code}. */
    private record Result(Optional<EligibilityStatus> settled, Optional<String> responseId, Optional<String> code) {
        static Result settled(EligibilityStatus status, Optional<String> responseId, Optional<String> code) {
            return new Result(Optional.of(status), responseId, code);
        }

        static Result retry(String code) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(code));
        }
    }

    /** Runs the next attempt of check {@code checkId}; returns when to run it again, if ever. */
    Optional<Instant> attempt(String checkId) {
        Optional<EligibilityCheck> found = rows.find(checkId);
        if (found.isEmpty() || found.get().status().settled()) {
            return Optional.empty();
        }
        EligibilityCheck check = found.get();
        int attempt = check.attempts() + 1;
        Result result;
        try {
            result = systemAccess.call(PURPOSE, () -> exchange(check));
        } catch (ClearinghouseUnavailableException e) {
            result = Result.retry(e.code());
        } catch (ClearinghouseRefusedException e) {
            result = Result.settled(EligibilityStatus.FAILED, Optional.empty(), Optional.of(e.code()));
        } catch (InsuredParties.UncheckableCoverageException e) {
            result = Result.settled(EligibilityStatus.FAILED, Optional.empty(), Optional.of(e.code()));
        } catch (X12Reader.NotX12Exception e) {
            result = Result.retry("NOT-X12");
        } catch (RuntimeException e) {
            // the exception's message may quote patient data: its type is enough to find it with the check id
            log.warn("Eligibility check {} attempt {} failed: {}", checkId, attempt, e.getClass().getName());
            result = Result.retry("INTERNAL");
        }
        Instant now = clock.instant();
        if (result.settled().isPresent()) {
            rows.settled(checkId, result.settled().get(), attempt, result.responseId(), result.code(), now);
            log.info("Eligibility check {} settled {} after {} attempt(s)", checkId, result.settled().get(), attempt);
            return Optional.empty();
        }
        String code = result.code().orElseThrow();
        if (attempt >= properties.retry().maxAttempts()) {
            Optional<String> responseId = recordNoAnswer(checkId, code);
            rows.settled(checkId, EligibilityStatus.FAILED, attempt, responseId, Optional.of(code), now);
            log.info("Eligibility check {} failed after {} attempts ({})", checkId, attempt, code);
            return Optional.empty();
        }
        Instant next = now.plus(properties.retry().delayAfter(attempt));
        rows.retrying(checkId, attempt, next, code, now);
        log.info("Eligibility check {} attempt {} unanswered ({}); next at {}", checkId, attempt, code, next);
        return Optional.of(next);
    }

    private Result exchange(EligibilityCheck check) {
        InsuredParties.Parties insured = parties.read(check.coverageId());
        String requestId = check.requestId().orElseGet(() -> {
            String created = resources.request(check.patientId(), check.coverageId(), insured.insurer());
            rows.requested(check.id(), created, clock.instant());
            return created;
        });
        EligibilityProperties.Clearinghouse ch = properties.clearinghouse();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Envelope envelope = new Envelope(ch.senderId(), ch.receiverId(), rows.nextControlNumber(), now, ch.usage(),
                "HS");
        EligibilityInquiry inquiry = new EligibilityInquiry(traceNumber(check.id()), insured.payer().name(),
                insured.payer().x12PayerId(), properties.provider().name(), properties.provider().npi(),
                insured.subscriber(), insured.memberId(), insured.dependent(), LocalDate.from(now));
        EligibilityAnswer answer = Response271.read(clearinghouse.exchange(Inquiry270.write(envelope, inquiry)));
        if (answer.retryable()) {
            return Result.retry(answer.rejectionCode().orElse("AAA"));
        }
        if (answer.outcome() == EligibilityAnswer.Outcome.INTERCHANGE_REJECTED) {
            return Result.settled(EligibilityStatus.FAILED, Optional.empty(), answer.rejectionCode());
        }
        EligibilityStatus status = switch (answer.outcome()) {
            case ACTIVE -> EligibilityStatus.VERIFIED;
            case INACTIVE -> EligibilityStatus.INACTIVE;
            default -> answer.memberNotFound() ? EligibilityStatus.NOT_FOUND : EligibilityStatus.FAILED;
        };
        String responseId = resources.response(check.patientId(), check.coverageId(), requestId, insured.insurer(),
                answer, disposition(status, answer));
        return Result.settled(status, Optional.of(responseId), answer.rejectionCode());
    }

    private Optional<String> recordNoAnswer(String checkId, String code) {
        try {
            return systemAccess.call(PURPOSE, () -> rows.find(checkId).flatMap(check -> check.requestId().map(
                    requestId -> resources.noAnswer(check.patientId(), requestId,
                            parties.read(check.coverageId()).insurer(), code))));
        } catch (RuntimeException e) {
            log.warn("Eligibility check {}: no error response recorded: {}", checkId, e.getClass().getName());
            return Optional.empty();
        }
    }

    /** TRN02 is at most 50 characters; the check id (a UUID) fits without its dashes. */
    private static String traceNumber(String checkId) {
        return checkId.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String disposition(EligibilityStatus status, EligibilityAnswer answer) {
        return switch (status) {
            case VERIFIED -> "Active coverage" + answer.planName().map(plan -> ": " + plan).orElse("");
            case INACTIVE -> "Coverage is not active";
            case NOT_FOUND -> "The payer did not find the member (" + answer.rejectionCode().orElse("") + ")";
            default -> "The payer rejected the inquiry (" + answer.rejectionCode().orElse("") + ")";
        };
    }
}
