package org.trialmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forest} and {@code pool --plot} from the command line: formats, styles and the exit-2 contract. */
class ForestCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFormatInEveryStyleFromTheExample() throws Exception {
        for (String style : new String[] {"revman5", "jama", "bmj", "meta"}) {
            Path png = dir.resolve(style + ".png");
            Path svg = dir.resolve(style + ".svg");
            Path pdf = dir.resolve(style + ".pdf");
            Path pptx = dir.resolve(style + ".pptx");
            Run r = Run.run("forest", "--input", "examples/bcg-vaccine.csv", "--measure", "RR", "--subgroup", "allocation",
                    "--style", style, "--sort", "year", "--out", png.toString(), "--out", svg.toString(), "--out",
                    pdf.toString(), "--out", pptx.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            assertThat(Files.readString(svg)).contains("<svg");
            assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
            assertThat(Files.readAllBytes(pptx)).startsWith(new byte[] {'P', 'K'});
        }
        Path plot = dir.resolve("pool.svg");
        Run p = Run.run("pool", "--input", "examples/length-of-stay.csv", "--measure", "SMD", "--plot", plot.toString());
        assertThat(p.code()).as(p.err()).isEqualTo(ExitCodes.OK);
        assertThat(p.out()).contains("Pooled standardised mean difference");
        assertThat(Files.readString(plot)).contains("SMD [95% CI]");
    }

    @Test
    void badOptionsAndOutputsExitTwoWithOneLine() throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.copy(Path.of("examples/bcg-vaccine.csv"), csv);
        Object[][] cases = {
            {new String[] {"--style", "nature", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --style: 'nature' (allowed: revman5, jama, bmj, meta)"},
            {new String[] {"--out", dir.resolve("a.gif").toString()},
                "trialmeta: --out: '" + dir.resolve("a.gif") + "' (the file must end in .png, .svg, .pdf or .pptx)"},
            {new String[] {"--out", csv.toString()}, "trialmeta: --out " + csv + ": is the input --input (it would be overwritten; choose another output file)"},
            {new String[] {"--sort", "size", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --sort: 'size' (allowed: input, estimate, weight, year)"},
            {new String[] {"--xlim", "2,1", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --xlim: '2,1' (two finite numbers A,B with A < B)"},
            {new String[] {"--xlim", "0,2", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --xlim: '0,2' (RR is drawn on a log scale: both limits must be above 0)"},
            {new String[] {"--xlim", "0.5,Infinity", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --xlim: '0.5,Infinity' (two finite numbers A,B with A < B)"},
            {new String[] {"--labels", "only one", "--out", dir.resolve("a.png").toString()},
                "trialmeta: --labels: 'only one' (give two labels separated by a comma)"},
        };
        for (Object[] c : cases) {
            String[] extra = (String[]) c[0];
            String[] args = new String[5 + extra.length];
            args[0] = "forest";
            args[1] = "--input";
            args[2] = csv.toString();
            args[3] = "--measure";
            args[4] = "RR";
            System.arraycopy(extra, 0, args, 5, extra.length);
            Run r = Run.run(args);
            assertThat(r.code()).as(String.join(" ", extra)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(r.err().strip()).isEqualTo(c[1]);
        }
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(Path.of("examples/bcg-vaccine.csv")));
        assertThat(dir.resolve("a.png")).doesNotExist();
    }

    @Test
    void controlCharactersInAStudyNameOrTheTitleGiveAWellFormedSvg() throws Exception {
        // a study name with U+0001 and ESC, and such a title, were written raw: malformed XML, exit 0
        Path csv = dir.resolve("ctl.csv");
        Files.writeString(csv, "study,yi,vi\n\"A\u0001\u001b<\",0.1,0.04\nB,0.2,0.05\nC,0.3,0.02\n");
        Path svg = dir.resolve("ctl.svg");
        Run r = Run.run("forest", "--input", csv.toString(), "--measure", "GEN", "--out", svg.toString(),
                "--title", "ctl\u0001\u001b");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(svg);
        assertThat(text).doesNotContain("\u0001", "\u001b").contains("A\uFFFD\uFFFD&lt;", "ctl\uFFFD\uFFFD");
        org.trialmeta.report.ControlCharactersTest.assertXml(text);
    }

    @Test
    void aStudyAloneWeighsOneHundredPercentAndIsDrawn() throws Exception {
        // 100 * w / w was 100.00000000000001 for these counts (metafor: w / sum(w) * 100 = 100), which the figure
        // refused as a weight above 100 % (and blamed on --xlim, which was not given)
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "study,ai,n1i,ci,n2i\ns1,67,267,49,267\n");
        Path svg = dir.resolve("one.svg");
        Run r = Run.run("forest", "--input", csv.toString(), "--measure", "OR", "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(svg)).contains("100.0%");
        Run j = Run.run("pool", "--input", csv.toString(), "--measure", "OR", "--format", "json");
        assertThat(j.out()).contains("\"weight\" : 100.0,");
    }

    @Test
    void aCiBeyondTheExponentialsRangeIsAnArrowWrittenInfAndAHugeEndInExponentForm() throws Exception {
        // B's log-scale CI is [-784.3, 783.7]: exp gives [0, Inf]; D's upper end exp(195.7) has 85 digits in fixed form
        Path csv = dir.resolve("wide.csv");
        Files.writeString(csv, "study,loghr,se\nA,0.1,0.2\nB,-0.3,400\nC,0.2,0.3\nD,-0.3,100\n");
        Path svg = dir.resolve("wide.svg");
        Run r = Run.run("forest", "--input", csv.toString(), "--measure", "HR", "--out", svg.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(svg);
        assertThat(text).contains("0.74 [0.00, Inf]").contains("0.74 [0.00, 9.77e+84]").contains("1.11 [0.75, 1.64]");
    }

    @Test
    void heightCmStretchesTheRowsToTheHeightAskedFor() throws Exception {
        Path png = dir.resolve("tall.png");
        Run r = Run.run("forest", "--input", "examples/bcg-vaccine.csv", "--measure", "RR", "--height-cm", "20", "--dpi",
                "100", "--palette", "grey", "--out", png.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        var img = javax.imageio.ImageIO.read(png.toFile());
        // 20 cm at 100 dpi = 787.4 px
        assertThat(img.getHeight()).isBetween(786, 789);
    }
}
