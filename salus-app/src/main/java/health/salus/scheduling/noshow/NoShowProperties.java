package health.salus.scheduling.noshow;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code salus.scheduling.no-show.*}.
 *
 * @param highRiskThreshold      probability from which a coordinator call task is created
 * @param retrainCron            when the model is retrained (db-scheduler cron, seconds first; "-" never)
 * @param clinicZone             the clinic's time zone, for the hour and weekday features
 * @param trainingWindow         how far back the training history reaches
 * @param assessCron             when booked appointments of the coming days are (re)assessed ("-" never)
 * @param assessHorizon          how far ahead that sweep looks
 * @param bootstrapFromSynthetic whether, before any clinic model exists, predictions use a model trained
 *                               on the synthetic benchmark clinic (so the demo works from the start)
 */
@ConfigurationProperties("salus.scheduling.no-show")
record NoShowProperties(
        @DefaultValue("0.35") double highRiskThreshold,
        @DefaultValue("0 0 3 * * SUN") String retrainCron,
        @DefaultValue("America/New_York") ZoneId clinicZone,
        @DefaultValue("730d") Duration trainingWindow,
        @DefaultValue("0 0 6 * * *") String assessCron,
        @DefaultValue("7d") Duration assessHorizon,
        @DefaultValue("true") boolean bootstrapFromSynthetic) {

    NoShowProperties {
        if (!(highRiskThreshold > 0 && highRiskThreshold <= 1)) {
            throw new IllegalArgumentException("salus.scheduling.no-show.high-risk-threshold must lie in (0, 1]");
        }
    }
}
