package health.salus.scheduling.noshow;

import java.util.List;

/**
 * A no-show risk for one appointment.
 *
 * @param probability  chance the patient does not come, 0…1
 * @param modelVersion the model that said so
 * @param topFeatures  up to three features that raised the risk most (coefficient × standardised
 *                     value), in plain names, largest first
 */
public record Prediction(double probability, long modelVersion, List<String> topFeatures) {

    public Prediction {
        topFeatures = List.copyOf(topFeatures);
    }

    public boolean atLeast(double threshold) {
        return probability >= threshold;
    }
}
