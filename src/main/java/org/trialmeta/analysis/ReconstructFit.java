package org.trialmeta.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trialmeta.model.InputException;
import org.trialmeta.stats.survival.ConfType;
import org.trialmeta.stats.survival.CoxModel;
import org.trialmeta.stats.survival.CoxRegression;
import org.trialmeta.stats.survival.DigitisedCurve;
import org.trialmeta.stats.survival.DigitisingTolerance;
import org.trialmeta.stats.survival.GuyotReconstruction;
import org.trialmeta.stats.survival.KaplanMeier;
import org.trialmeta.stats.survival.KaplanMeierCurve;
import org.trialmeta.stats.survival.LogRank;
import org.trialmeta.stats.survival.LogRankResult;
import org.trialmeta.stats.survival.PreparedCurve;
import org.trialmeta.stats.survival.ReconstructedIpd;
import org.trialmeta.stats.survival.ReconstructionBootstrap;
import org.trialmeta.stats.survival.RmstResult;
import org.trialmeta.stats.survival.ClickStyle;
import org.trialmeta.stats.survival.SurvivalScale;
import org.trialmeta.stats.survival.Ties;

/**
 * Everything {@code reconstruct} reports, computed once: per arm the prepared curve (with its repairs), the patients
 * rebuilt by Guyot et al.'s algorithm, their Kaplan-Meier curve (log intervals), median and RMST; with two arms the
 * Cox hazard ratio of the first arm against the second (Efron ties, as {@code coxph(Surv(time, event) ~ arm)}) and
 * the log-rank test ({@code survdiff}); optionally the bootstrap of {@link ReconstructionBootstrap}.
 *
 * @param arms      one per arm, in the order given
 * @param settings  what the fit was computed with
 * @param tau       upper limit of the RMST: the one asked for, else the earliest last time over the arms (a time
 *                  every arm's curve reaches; survRM2's default)
 * @param cox       the Cox model, with two arms
 * @param logRank   the log-rank test, with two arms
 * @param bootstrap the bootstrap, when asked for
 * @param reported  the publication's figures to compare with
 */
public record ReconstructFit(List<Arm> arms, Settings settings, double tau, Optional<CoxModel> cox,
        Optional<LogRankResult> logRank, Optional<ReconstructionBootstrap.Result> bootstrap, ReportedFigures reported) {

    public ReconstructFit {
        arms = List.copyOf(arms);
    }

    /**
     * The settings of a fit.
     *
     * @param scale      scale of the survival values
     * @param tolerance  digitising tolerance
     * @param clicks     how the curves were clicked (both corners, feet only, or detected per curve)
     * @param strict     refuse any repair
     * @param level      confidence level, a fraction
     * @param tau        RMST limit asked for, or null
     * @param replicates bootstrap replicates (0: no bootstrap)
     * @param seed       bootstrap seed
     * @param errorModel the bootstrap's perturbation of the points
     */
    public record Settings(SurvivalScale scale, ClickStyle clicks, DigitisingTolerance tolerance, boolean strict,
            double level, Double tau, int replicates, long seed, ReconstructionBootstrap.ErrorModel errorModel) {
        public Settings {
            java.util.Objects.requireNonNull(scale, "scale");
            java.util.Objects.requireNonNull(clicks, "clicks");
        }
    }

    /**
     * One arm.
     *
     * @param input    what was read
     * @param prepared the curve as reconstructed, with the repairs made
     * @param ipd      the rebuilt patients
     * @param km       their Kaplan-Meier curve
     * @param rmst     their RMST up to the fit's tau
     */
    public record Arm(ReconstructInput input, PreparedCurve prepared, ReconstructedIpd ipd, KaplanMeierCurve km,
            RmstResult rmst) {}

    /** Reconstructs every arm and compares them. */
    public static ReconstructFit of(List<ReconstructInput> inputs, Settings settings, ReportedFigures reported) {
        List<PreparedCurve> prepared = new ArrayList<>();
        List<ReconstructedIpd> ipds = new ArrayList<>();
        List<KaplanMeierCurve> kms = new ArrayList<>();
        double lastCommon = Double.POSITIVE_INFINITY;
        for (ReconstructInput in : inputs) {
            PreparedCurve p = in.prepare(settings.scale(), settings.clicks(), settings.tolerance(), settings.strict());
            ReconstructedIpd ipd = GuyotReconstruction.reconstruct(p, in.totalEvents());
            KaplanMeierCurve km = KaplanMeier.fit(ipd.time(), ipd.event(), ConfType.LOG, settings.level());
            prepared.add(p);
            ipds.add(ipd);
            kms.add(km);
            lastCommon = Math.min(lastCommon, km.lastTime());
        }
        double tau = settings.tau() != null ? settings.tau() : lastCommon;
        List<Arm> arms = new ArrayList<>();
        for (int g = 0; g < inputs.size(); g++) {
            arms.add(new Arm(inputs.get(g), prepared.get(g), ipds.get(g), kms.get(g),
                    tau > 0 ? kms.get(g).rmst(tau) : null));
        }
        Optional<CoxModel> cox = Optional.empty();
        Optional<LogRankResult> lr = Optional.empty();
        if (arms.size() == 2) {
            Pooled d = pooled(ipds);
            try {
                cox = Optional.of(CoxRegression.fit(d.time, d.event, new double[][] {d.first}, List.of("arm"), null,
                        Ties.EFRON, settings.level()));
                lr = Optional.of(LogRank.test(d.time, d.event, d.group));
            } catch (IllegalArgumentException e) {
                throw new InputException("reconstructed data: " + e.getMessage());
            }
        }
        Optional<ReconstructionBootstrap.Result> boot = Optional.empty();
        if (settings.replicates() > 0 && !(tau > 0)) {
            throw new InputException("--bootstrap: the curves end at time 0, there is no RMST or median to bootstrap");
        }
        if (settings.replicates() > 0) {
            List<ReconstructionBootstrap.Arm> ba = new ArrayList<>();
            for (int g = 0; g < inputs.size(); g++) {
                ReconstructInput in = inputs.get(g);
                double div = prepared.get(g).scale() == SurvivalScale.PERCENT ? 100 : 1;
                double[] s = in.points().survival();
                for (int i = 0; i < s.length; i++) {
                    s[i] /= div;
                }
                ba.add(new ReconstructionBootstrap.Arm(new DigitisedCurve(in.points().time(), s), in.atRisk(),
                        in.totalEvents(), prepared.get(g).clicks().style()));
            }
            boot = Optional.of(ReconstructionBootstrap.run(ba, settings.errorModel(), settings.replicates(),
                    settings.seed(), tau, settings.level()));
        }
        return new ReconstructFit(arms, settings, tau, cox, lr, boot, reported);
    }

    /** Two arms' patients in one data set: arm indicator 1 for the first arm, group codes 0 and 1. */
    private record Pooled(double[] time, int[] event, double[] first, int[] group) {}

    private static Pooled pooled(List<ReconstructedIpd> ipds) {
        int n0 = ipds.get(0).size();
        int n = n0 + ipds.get(1).size();
        double[] t = new double[n];
        int[] e = new int[n];
        double[] x = new double[n];
        int[] g = new int[n];
        for (int a = 0; a < 2; a++) {
            double[] ta = ipds.get(a).time();
            int[] ea = ipds.get(a).event();
            int off = a == 0 ? 0 : n0;
            for (int i = 0; i < ta.length; i++) {
                t[off + i] = ta[i];
                e[off + i] = ea[i];
                x[off + i] = a == 0 ? 1 : 0;
                g[off + i] = a;
            }
        }
        return new Pooled(t, e, x, g);
    }
}
