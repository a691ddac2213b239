package org.qicsim.experiment.calibrate;

import java.util.Arrays;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A Gaussian-process emulator of one summary statistic of a stochastic simulator (Sacks, Welch,
 * Mitchell &amp; Wynn 1989; Kennedy &amp; O'Hagan 2001; Rasmussen &amp; Williams 2006, ch. 2 and 5):
 * the statistic's mean over the simulator's randomness, f(x), gets the prior
 * {@code f(x) = h(x)ᵀβ + Z(x)}, with a constant or linear mean {@code h(x)ᵀβ} and a zero-mean
 * process Z of variance σ² and a squared-exponential or Matérn-5/2 correlation with one length
 * scale per input. A training value is the mean of repeated evaluations at a point, so it carries
 * the simulator's noise as a known nugget: {@code noise / repeats}, where the noise variance of one
 * evaluation is estimated from the repeats (pooled over points) by the caller.
 *
 * <p>β is estimated by generalised least squares with a flat prior (universal kriging), σ² and the
 * length scales by maximising the restricted (REML) likelihood with BOBYQA (Powell 2009) over
 * log σ² ∈ [log 10⁻⁴, log 10²] and log ℓ ∈ [log 0.02, log 20] (inputs scaled to the emulator's box,
 * outputs standardised), from three starting points. The prediction is the posterior mean and
 * variance of f(x), the variance including β's uncertainty; {@link #looStandardisedErrors()} gives
 * the leave-one-out errors of Dubrule (1983), β re-estimated, which compare each training value
 * with the prediction from all the others on its own predictive SD (Bastos &amp; O'Hagan 2009).
 *
 * <p>Everything is plain double arithmetic in a fixed order (own Cholesky), so a fit is a pure
 * function of its data: the same on any thread.
 */
public final class GaussianProcess {

    /** The correlation function of the process. */
    public enum Kernel {
        SQUARED_EXPONENTIAL("squaredExponential"), MATERN_52("matern52");

        private final String yamlName;

        Kernel(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        /** Correlation at scaled distance {@code r = |x − x'| / ℓ} (Euclidean over the inputs). */
        double correlation(double r2) {
            return switch (this) {
                case SQUARED_EXPONENTIAL -> StrictMath.exp(-0.5 * r2);
                case MATERN_52 -> {
                    double r = StrictMath.sqrt(5 * r2);
                    yield (1 + r + r * r / 3) * StrictMath.exp(-r);
                }
            };
        }
    }

    /** The regression part of the prior mean. */
    public enum Mean {
        CONSTANT("constant"), LINEAR("linear");

        private final String yamlName;

        Mean(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }

    /** A prediction: the mean and the variance of f(x) (the simulator's noise not included). */
    public record Prediction(double mean, double variance) {
    }

    private static final double LOG_SIGNAL_LOW = StrictMath.log(1e-4);
    private static final double LOG_SIGNAL_HIGH = StrictMath.log(1e2);
    private static final double LOG_LENGTH_LOW = StrictMath.log(0.02);
    private static final double LOG_LENGTH_HIGH = StrictMath.log(20);
    /** Added to the diagonal (standardised units) so that the Cholesky factor always exists. */
    private static final double JITTER = 1e-8;

    private final Kernel kernel;
    private final Mean mean;
    private final double[] low;
    private final double[] width;
    private final double[][] z;
    private final double yMean;
    private final double ySd;
    private final double signal;
    private final double[] lengths;
    private final double[][] chol;
    private final double[] alpha;
    private final double[] beta;
    private final double[][] a;
    private final double[][] cholHKH;
    private final double logLikelihood;

    private GaussianProcess(Kernel kernel, Mean mean, double[] low, double[] width, double[][] z, double yMean,
            double ySd, double signal, double[] lengths, Fit fit) {
        this.kernel = kernel;
        this.mean = mean;
        this.low = low;
        this.width = width;
        this.z = z;
        this.yMean = yMean;
        this.ySd = ySd;
        this.signal = signal;
        this.lengths = lengths;
        this.chol = fit.chol;
        this.alpha = fit.alpha;
        this.beta = fit.beta;
        this.a = fit.a;
        this.cholHKH = fit.cholHKH;
        this.logLikelihood = fit.logLikelihood;
    }

    /**
     * Fits an emulator.
     *
     * @param x training inputs (rows), in unit coordinates
     * @param y training values, one per row: means of repeated evaluations
     * @param noiseVariance per row, the variance of its training value from the simulator's noise
     *        (σ²_one-evaluation / repeats); 0 for a deterministic simulator
     * @param boxLow the emulator's box (inputs are scaled to it): its lower corner
     * @param boxHigh its upper corner
     */
    public static GaussianProcess fit(double[][] x, double[] y, double[] noiseVariance, double[] boxLow,
            double[] boxHigh, Kernel kernel, Mean mean) {
        int n = x.length;
        int d = boxLow.length;
        int p = mean == Mean.CONSTANT ? 1 : d + 1;
        if (n < p + 2) {
            throw new IllegalArgumentException("an emulator needs at least " + (p + 2) + " training points, got " + n);
        }
        double[] width = new double[d];
        for (int k = 0; k < d; k++) {
            width[k] = Math.max(boxHigh[k] - boxLow[k], 1e-12);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                z[i][k] = (x[i][k] - boxLow[k]) / width[k];
            }
        }
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= n;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        s = StrictMath.sqrt(s / Math.max(1, n - 1));
        if (!(s > 0)) {
            s = 1;
        }
        double[] ys = new double[n];
        double[] ns = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - m) / s;
            ns[i] = noiseVariance[i] / (s * s);
        }
        double[][] h = regressors(z, mean);
        MultivariateFunction objective = theta -> {
            Fit f = Fit.of(z, ys, ns, h, kernel, StrictMath.exp(theta[0]), lengthsOf(theta));
            return f == null ? -1e300 : f.logLikelihood;
        };
        double[] lower = new double[d + 1];
        double[] upper = new double[d + 1];
        lower[0] = LOG_SIGNAL_LOW;
        upper[0] = LOG_SIGNAL_HIGH;
        for (int k = 1; k <= d; k++) {
            lower[k] = LOG_LENGTH_LOW;
            upper[k] = LOG_LENGTH_HIGH;
        }
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double startLength : new double[] {0.3, 1.0, 3.0}) {
            double[] start = new double[d + 1];
            start[0] = 0;
            Arrays.fill(start, 1, d + 1, StrictMath.log(startLength));
            double[] point;
            double value;
            if (d + 1 >= 2) {
                BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * (d + 1) + 1, 0.5, 1e-4);
                try {
                    PointValuePair found = optimizer.optimize(new MaxEval(600), new ObjectiveFunction(objective),
                            GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper));
                    point = found.getPoint();
                    value = found.getValue();
                } catch (TooManyEvaluationsException e) {
                    point = start;
                    value = objective.value(start);
                }
            } else {
                point = start;
                value = objective.value(start);
            }
            if (value > bestValue) {
                bestValue = value;
                best = point.clone();
            }
        }
        double signal = StrictMath.exp(best[0]);
        double[] lengths = lengthsOf(best);
        Fit fit = Fit.of(z, ys, ns, h, kernel, signal, lengths);
        if (fit == null) {
            throw new IllegalStateException("the emulator's covariance matrix is not positive definite");
        }
        return new GaussianProcess(kernel, mean, boxLow.clone(), width, z, m, s, signal, lengths, fit);
    }

    private static double[] lengthsOf(double[] theta) {
        double[] l = new double[theta.length - 1];
        for (int k = 0; k < l.length; k++) {
            l[k] = StrictMath.exp(theta[k + 1]);
        }
        return l;
    }

    private static double[][] regressors(double[][] z, Mean mean) {
        double[][] h = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            h[i] = regressor(z[i], mean);
        }
        return h;
    }

    private static double[] regressor(double[] z, Mean mean) {
        if (mean == Mean.CONSTANT) {
            return new double[] {1};
        }
        double[] r = new double[z.length + 1];
        r[0] = 1;
        for (int k = 0; k < z.length; k++) {
            r[k + 1] = z[k] - 0.5;
        }
        return r;
    }

    private static double correlation(Kernel kernel, double[] u, double[] v, double[] lengths) {
        double r2 = 0;
        for (int k = 0; k < u.length; k++) {
            double t = (u[k] - v[k]) / lengths[k];
            r2 += t * t;
        }
        return kernel.correlation(r2);
    }

    /** The linear algebra of one set of hyperparameters. */
    private static final class Fit {
        double[][] chol;
        double[] alpha;
        double[] beta;
        double[][] a;
        double[][] cholHKH;
        double logLikelihood;

        /** Null when the covariance matrix is not numerically positive definite. */
        static Fit of(double[][] z, double[] y, double[] noise, double[][] h, Kernel kernel, double signal,
                double[] lengths) {
            int n = z.length;
            int p = h[0].length;
            double[][] k = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double c = signal * correlation(kernel, z[i], z[j], lengths);
                    k[i][j] = c;
                    k[j][i] = c;
                }
                k[i][i] = signal + noise[i] + JITTER;
            }
            double[][] l = cholesky(k);
            if (l == null) {
                return null;
            }
            // A = L⁻¹H, b = L⁻¹y: then HᵀK⁻¹H = AᵀA and HᵀK⁻¹y = Aᵀb.
            double[][] aMat = new double[p][];
            for (int c = 0; c < p; c++) {
                double[] col = new double[n];
                for (int i = 0; i < n; i++) {
                    col[i] = h[i][c];
                }
                aMat[c] = forward(l, col);
            }
            double[] b = forward(l, y);
            double[][] hkh = new double[p][p];
            double[] hky = new double[p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    hkh[r][c] = dot(aMat[r], aMat[c]);
                }
                hky[r] = dot(aMat[r], b);
            }
            double[][] lh = cholesky(hkh);
            if (lh == null) {
                return null;
            }
            double[] beta = backward(lh, forward(lh, hky));
            double[] resid = new double[n];
            for (int i = 0; i < n; i++) {
                resid[i] = y[i] - dot(h[i], beta);
            }
            double[] lr = forward(l, resid);
            double quad = dot(lr, lr);
            double logDet = 0;
            for (int i = 0; i < n; i++) {
                logDet += 2 * StrictMath.log(l[i][i]);
            }
            double logDetH = 0;
            for (int i = 0; i < p; i++) {
                logDetH += 2 * StrictMath.log(lh[i][i]);
            }
            Fit f = new Fit();
            f.chol = l;
            f.alpha = backward(l, lr);
            f.beta = beta;
            f.a = aMat;
            f.cholHKH = lh;
            // Restricted likelihood (constants dropped): β integrated out under a flat prior.
            f.logLikelihood = -0.5 * quad - 0.5 * logDet - 0.5 * logDetH;
            return f;
        }
    }

    /** The lower Cholesky factor, or null when the matrix is not positive definite. */
    static double[][] cholesky(double[][] m) {
        int n = m.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double s = m[j][j];
            for (int k = 0; k < j; k++) {
                s -= l[j][k] * l[j][k];
            }
            if (!(s > 0)) {
                return null;
            }
            double d = StrictMath.sqrt(s);
            l[j][j] = d;
            for (int i = j + 1; i < n; i++) {
                double t = m[i][j];
                for (int k = 0; k < j; k++) {
                    t -= l[i][k] * l[j][k];
                }
                l[i][j] = t / d;
            }
        }
        return l;
    }

    /** Solves L v = b. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double t = b[i];
            for (int k = 0; k < i; k++) {
                t -= l[i][k] * v[k];
            }
            v[i] = t / l[i][i];
        }
        return v;
    }

    /** Solves Lᵀ v = b. */
    static double[] backward(double[][] l, double[] b) {
        int n = b.length;
        double[] v = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double t = b[i];
            for (int k = i + 1; k < n; k++) {
                t -= l[k][i] * v[k];
            }
            v[i] = t / l[i][i];
        }
        return v;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    /** The emulator's prediction of f at {@code x} (unit coordinates). */
    public Prediction predict(double[] x) {
        int d = low.length;
        double[] zx = new double[d];
        for (int k = 0; k < d; k++) {
            zx[k] = (x[k] - low[k]) / width[k];
        }
        int n = z.length;
        double[] kx = new double[n];
        for (int i = 0; i < n; i++) {
            kx[i] = signal * correlation(kernel, zx, z[i], lengths);
        }
        double[] hx = regressor(zx, mean);
        double mu = dot(hx, beta) + dot(kx, alpha);
        double[] v = forward(chol, kx);
        double var = signal - dot(v, v);
        // β's uncertainty: u = h − AᵀL⁻¹k, plus uᵀ(HᵀK⁻¹H)⁻¹u.
        double[] u = new double[hx.length];
        for (int r = 0; r < hx.length; r++) {
            u[r] = hx[r] - dot(a[r], v);
        }
        double[] w = forward(cholHKH, u);
        var += dot(w, w);
        return new Prediction(yMean + ySd * mu, ySd * ySd * Math.max(var, 0));
    }

    /**
     * Leave-one-out standardised errors (Dubrule 1983): for training point i, the difference
     * between its value and the prediction from the other points (β re-estimated), divided by that
     * prediction's SD (the nugget included, as the training value carries noise). Under a correct
     * emulator they are roughly standard normal.
     */
    public double[] looStandardisedErrors() {
        int n = z.length;
        int p = beta.length;
        // P = K⁻¹ − K⁻¹H(HᵀK⁻¹H)⁻¹HᵀK⁻¹; LOO residual α_i / P_ii with variance 1 / P_ii.
        double[][] kinv = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            kinv[i] = backward(chol, forward(chol, e));
        }
        // K⁻¹H column c = L⁻ᵀ a_c.
        double[][] kh = new double[p][];
        for (int c = 0; c < p; c++) {
            kh[c] = backward(chol, a[c]);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double[] hi = new double[p];
            for (int c = 0; c < p; c++) {
                hi[c] = kh[c][i];
            }
            double[] w = forward(cholHKH, hi);
            double pii = kinv[i][i] - dot(w, w);
            out[i] = pii > 0 ? alpha[i] / StrictMath.sqrt(pii) : Double.NaN;
        }
        return out;
    }

    /** σ, the SD of the process (the emulated statistic's variation over the box), in the statistic's units. */
    public double signalSd() {
        return ySd * StrictMath.sqrt(signal);
    }

    /** The length scales, in the unit coordinates of the prior (not of the emulator's box). */
    public double[] lengthScales() {
        double[] out = new double[lengths.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = lengths[k] * width[k];
        }
        return out;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Mean mean() {
        return mean;
    }

    /** The maximised restricted log-likelihood (standardised outputs, constants dropped). */
    public double logLikelihood() {
        return logLikelihood;
    }
}
