import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Seeded input files for bench/whole-process.sh (JDK only: {@code java bench/WholeProcessData.java OUTDIR [SCALE]}).
 * Every file is written once; an existing file of the same name is kept (the script re-runs quickly).
 *
 * <ul>
 *   <li>{@code km-1e6.csv} (time,status,group): 10⁶ patients, two arms (A, B: exponential hazards 0.1 and 0.07),
 *       uniform censoring on [0, 30], times to 4 decimals (so almost every time is distinct: a long KM table).</li>
 *   <li>{@code cox-1e5.csv} (time,status,x1..x5): 10⁵ patients, 5 N(0,1) covariates with log HRs 0.1..0.5.</li>
 *   <li>{@code pool-1e6.csv}, {@code pool-k2000.csv} (study,yi,vi): log odds ratios of two-arm studies (arms of
 *       20..200 patients, control risk 0.05..0.5, true log OR ~ N(log 0.75, 0.04), binomial counts, 1/2 added to
 *       tables with a zero), as escalc(measure = "OR").</li>
 *   <li>{@code by-1e5.csv} (analysis,study,yi,vi): 10⁵ meta-analyses of 5..30 such studies each
 *       (about 1.75·10⁶ rows).</li>
 * </ul>
 * SCALE (default 1) divides every size, for a smoke run.
 */
public final class WholeProcessData {

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/whole-process");
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Files.createDirectories(out);
        km(out.resolve("km-1e6.csv"), 1_000_000 / scale);
        cox(out.resolve("cox-1e5.csv"), 100_000 / scale);
        pool(out.resolve("pool-1e6.csv"), 1_000_000 / scale, 20261205L);
        pool(out.resolve("pool-k2000.csv"), 2_000, 20261206L);
        by(out.resolve("by-1e5.csv"), 100_000 / scale);
    }

    private static boolean exists(Path p) {
        if (Files.exists(p)) {
            System.out.println("kept " + p);
            return true;
        }
        return false;
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }

    private static void km(Path p, int n) throws IOException {
        if (exists(p)) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(20261205);
        try (BufferedWriter w = writer(p)) {
            w.write("time,status,group\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < n; i++) {
                boolean b = (i & 1) == 1;
                double t = -Math.log(rnd.nextDouble()) / (b ? 0.07 : 0.1);
                double c = rnd.nextDouble() * 30;
                sb.setLength(0);
                fixed(sb, Math.min(t, c), 4).append(',').append(t <= c ? 1 : 0).append(',').append(b ? 'B' : 'A');
                w.write(sb.append('\n').toString());
            }
        }
        System.out.println("wrote " + p);
    }

    private static void cox(Path p, int n) throws IOException {
        if (exists(p)) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(20261207);
        try (BufferedWriter w = writer(p)) {
            w.write("time,status,x1,x2,x3,x4,x5\n");
            StringBuilder sb = new StringBuilder(128);
            double[] x = new double[5];
            for (int i = 0; i < n; i++) {
                double lp = 0;
                for (int k = 0; k < 5; k++) {
                    x[k] = rnd.nextGaussian();
                    lp += 0.1 * (k + 1) * x[k];
                }
                double t = -Math.log(rnd.nextDouble()) / (0.1 * Math.exp(lp));
                double c = rnd.nextDouble() * 30;
                sb.setLength(0);
                fixed(sb, Math.min(t, c), 6).append(',').append(t <= c ? 1 : 0);
                for (int k = 0; k < 5; k++) {
                    fixed(sb.append(','), x[k], 6);
                }
                w.write(sb.append('\n').toString());
            }
        }
        System.out.println("wrote " + p);
    }

    /** One study's log OR and its variance, as escalc("OR") of seeded counts; written to {@code sb}. */
    private static void study(SplittableRandom rnd, StringBuilder sb) {
        int n1 = 20 + rnd.nextInt(181);
        int n2 = 20 + rnd.nextInt(181);
        double p2 = 0.05 + 0.45 * rnd.nextDouble();
        double theta = Math.log(0.75) + 0.2 * rnd.nextGaussian();
        double odds1 = p2 / (1 - p2) * Math.exp(theta);
        double p1 = odds1 / (1 + odds1);
        double a = binomial(rnd, n1, p1);
        double c = binomial(rnd, n2, p2);
        double b = n1 - a;
        double d = n2 - c;
        if (a == 0 || b == 0 || c == 0 || d == 0) {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            d += 0.5;
        }
        fixed(sb, Math.log(a * d / (b * c)), 6).append(',');
        fixed(sb, 1 / a + 1 / b + 1 / c + 1 / d, 6);
    }

    private static int binomial(SplittableRandom rnd, int n, double p) {
        int x = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                x++;
            }
        }
        return x;
    }

    private static void pool(Path p, int k, long seed) throws IOException {
        if (exists(p)) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = writer(p)) {
            w.write("study,yi,vi\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 1; i <= k; i++) {
                sb.setLength(0);
                sb.append('s').append(i).append(',');
                study(rnd, sb);
                w.write(sb.append('\n').toString());
            }
        }
        System.out.println("wrote " + p);
    }

    private static void by(Path p, int analyses) throws IOException {
        if (exists(p)) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(20261208);
        try (BufferedWriter w = writer(p)) {
            w.write("analysis,study,yi,vi\n");
            StringBuilder sb = new StringBuilder(64);
            for (int g = 1; g <= analyses; g++) {
                int k = 5 + rnd.nextInt(26);
                for (int i = 1; i <= k; i++) {
                    sb.setLength(0);
                    sb.append('m').append(g).append(",s").append(i).append(',');
                    study(rnd, sb);
                    w.write(sb.append('\n').toString());
                }
            }
        }
        System.out.println("wrote " + p);
    }

    /** {@code v} with {@code digits} decimals (half-up on the scaled value), without exponent. */
    private static StringBuilder fixed(StringBuilder sb, double v, int digits) {
        long scale = 1;
        for (int i = 0; i < digits; i++) {
            scale *= 10;
        }
        long r = Math.round(Math.abs(v) * scale);
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale).append('.');
        String frac = Long.toString(r % scale);
        for (int i = frac.length(); i < digits; i++) {
            sb.append('0');
        }
        return sb.append(frac);
    }
}
