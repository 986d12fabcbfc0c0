package health.salus.scheduling.noshow;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares) on standardised inputs. With a few dozen features the Hessian is tiny, so each step is
 * one pass over the data plus a Cholesky solve, and it converges in about ten steps. The intercept
 * is not penalised.
 */
final class LogisticRegression {

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private LogisticRegression() {
    }

    /**
     * @param x      standardised rows (n × d)
     * @param y      1 for the event (no-show), 0 otherwise
     * @param lambda L2 penalty on the coefficients
     * @return intercept at index 0, then one coefficient per column
     */
    static double[] fit(double[][] x, boolean[] y, double lambda) {
        int n = x.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        int d = x[0].length + 1;
        double[] beta = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            double[] row = new double[d];
            for (int r = 0; r < n; r++) {
                row[0] = 1;
                System.arraycopy(x[r], 0, row, 1, d - 1);
                double p = sigmoid(dot(beta, row));
                double residual = (y[r] ? 1 : 0) - p;
                double weight = Math.max(p * (1 - p), 1e-10);
                for (int j = 0; j < d; j++) {
                    gradient[j] += residual * row[j];
                    double wj = weight * row[j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += wj * row[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                if (j > 0) {
                    gradient[j] -= lambda * beta[j];
                    hessian[j][j] += lambda;
                }
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return beta;
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Solves A·x = b for a symmetric positive-definite A (the penalised Hessian always is). */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        if (sum <= 0) {
                            throw new IllegalStateException("matrix is not positive definite");
                        }
                        l[i][i] = Math.sqrt(sum);
                    } else {
                        l[i][j] = sum / l[j][j];
                    }
                }
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = b[i];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * z[k];
                }
                z[i] = sum / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double sum = z[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k][i] * x[k];
                }
                x[i] = sum / l[i][i];
            }
            return x;
        }
    }
}
