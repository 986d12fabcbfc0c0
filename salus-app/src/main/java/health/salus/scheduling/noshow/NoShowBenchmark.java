package health.salus.scheduling.noshow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The numbers in docs/benchmarks.md: trains on the fixed-seed synthetic clinic and prints AUC and
 * the calibration table as Markdown. Run with
 * {@code ./mvnw -q -B -pl salus-app test -Dtest=NoShowTrainerTest} (the test prints this report).
 */
public final class NoShowBenchmark {

    private NoShowBenchmark() {
    }

    public static String report(List<AppointmentRecord> history, NoShowModel model) {
        ModelEvaluation e = model.evaluation();
        long settled = history.stream().filter(AppointmentRecord::settled).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "appointments %d, settled %d, held-out %d (latest %.0f %% by start)%n",
                history.size(), settled, e.testSize(), (1 - NoShowTrainer.TRAIN_SHARE) * 100));
        out.append(String.format(Locale.ROOT, "held-out no-show rate %.3f, AUC %.3f, Brier %.4f (base-rate Brier %.4f), "
                + "ECE %.4f%n", e.observedRate(), e.auc(), e.brier(), e.observedRate() * (1 - e.observedRate()),
                e.expectedCalibrationError()));
        out.append("| decile | appointments | mean predicted | observed |\n|---|---|---|---|\n");
        for (int i = 0; i < e.reliability().size(); i++) {
            ModelEvaluation.ReliabilityBin bin = e.reliability().get(i);
            out.append(String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f |%n", i + 1, bin.count(),
                    bin.meanPredicted(), bin.observedRate()));
        }
        out.append("coefficients (standardised):\n");
        for (int j = 0; j < model.featureNames().size(); j++) {
            out.append(String.format(Locale.ROOT, "  %-32s %+.3f%n", model.featureNames().get(j),
                    model.coefficients()[j]));
        }
        return out.toString();
    }

    /** Trains the benchmark model, for callers without a clinic history yet. */
    public static NoShowModel benchmarkModel(Instant trainedAt) {
        return NoShowTrainer.train(SyntheticAppointmentHistory.benchmarkClinic(), "synthetic", trainedAt)
                .orElseThrow(() -> new IllegalStateException("synthetic history too small to train"));
    }
}
