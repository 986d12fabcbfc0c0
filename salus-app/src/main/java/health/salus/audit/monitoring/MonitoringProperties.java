package health.salus.audit.monitoring;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the security monitors ({@code salus.audit.monitoring.*}). Each {@code window} is also
 * how long one open alert stands for its rule and subject before another may be raised.
 * {@code evaluateEvery}: the monitors look at what the trail chained since they last looked at most
 * this often, so their queries cost once per interval, not once per read.
 */
@ConfigurationProperties("salus.audit.monitoring")
record MonitoringProperties(@DefaultValue("true") boolean enabled, @DefaultValue FailedSignIn failedSignIn,
        @DefaultValue AccessVolume accessVolume, @DefaultValue AccessHours accessHours,
        @DefaultValue Window flaggedRecords, @DefaultValue BulkExport bulkExport,
        @DefaultValue("10m") Duration privilegeChangeWindow, @DefaultValue("1h") Duration breakGlassWindow,
        @DefaultValue("250ms") Duration evaluateEvery) {

    /** Failed sign-ins within {@code window}: per account, and per client address across accounts. */
    record FailedSignIn(@DefaultValue("5") int perAccount, @DefaultValue("20") int perClientIp,
            @DefaultValue("10m") Duration window) {
    }

    /**
     * Distinct patients a user touched in the last hour, against
     * {@code max(floor, factor × their busiest hour over baseline)}.
     */
    record AccessVolume(@DefaultValue("50") int floor, @DefaultValue("3.0") double factor,
            @DefaultValue("14d") Duration baseline) {
    }

    /**
     * Activity in an hour of the day ({@code zone}) the user was active in on fewer than
     * {@code rareFraction} of their active days over {@code baseline}; silent until they have
     * {@code minActiveDays} days of history.
     */
    record AccessHours(@DefaultValue("14d") Duration baseline, @DefaultValue("5") int minActiveDays,
            @DefaultValue("0.1") double rareFraction, @DefaultValue("UTC") ZoneId zone) {
    }

    record Window(@DefaultValue("1h") Duration window) {
    }

    /** One request touching {@code distinctPatients} or more patients counts as a bulk export. */
    record BulkExport(@DefaultValue("50") int distinctPatients, @DefaultValue("1h") Duration window) {
    }
}
