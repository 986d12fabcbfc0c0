package health.salus.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded randomness with the distributions the generators need. Only {@link SplittableRandom}
 * (whose algorithm is specified) and {@link StrictMath} are used, so the same seed gives the
 * same numbers on every JVM and CPU.
 */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An independent stream for a numbered sub-entity (patient index, directory, ...). */
    static Rng forStream(long seed, long stream) {
        return new Rng(mix(seed + 0x9E3779B97F4A7C15L * (stream + 1)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int minInclusive, int maxInclusive) {
        return random.nextInt(minInclusive, maxInclusive + 1);
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Box-Muller rather than nextGaussian(), whose algorithm the JDK does not pin down. */
    double gaussian(double mean, double standardDeviation) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        return mean + standardDeviation * z;
    }

    double clampedGaussian(double mean, double standardDeviation, double min, double max) {
        return Math.max(min, Math.min(max, gaussian(mean, standardDeviation)));
    }

    /** Count of events in a period with the given expected number (Knuth; small means only). */
    int poisson(double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Picks index i with probability weights[i] / sum(weights). */
    int weightedIndex(double... weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
