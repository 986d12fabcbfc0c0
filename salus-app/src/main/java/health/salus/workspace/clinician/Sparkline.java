package health.salus.workspace.clinician;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A trend small enough to sit beside a reading: an inline SVG polyline, drawn on the server so the
 * chart needs no script; the readings themselves are its text alternative.
 */
final class Sparkline {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;
    private static final double PAD = 3;

    private Sparkline() {
    }

    /** The polyline's points, oldest reading on the left; empty for fewer than two readings. */
    static String points(List<BigDecimal> values) {
        if (values.size() < 2) {
            return "";
        }
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        List<String> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double x = PAD + i * (WIDTH - 2 * PAD) / (values.size() - 1);
            double y = max - min == 0 ? HEIGHT / 2.0
                    : HEIGHT - PAD - (values.get(i).doubleValue() - min) / span * (HEIGHT - 2 * PAD);
            points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return String.join(" ", points);
    }
}
