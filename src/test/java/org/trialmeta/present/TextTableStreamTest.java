package org.trialmeta.present;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TextTable#write} (streamed, two passes) gives the bytes {@link TextTable#render} gives for the same rows. */
class TextTableStreamTest {

    @Test
    void streamedTableEqualsRenderedTable() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int trial = 0; trial < 200; trial++) {
            int n = rnd.nextInt(0, 30);
            String[][] cells = new String[n][3];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    int len = rnd.nextInt(0, 12);
                    cells[i][j] = rnd.nextInt(10) == 0 ? null : "x".repeat(len) + (j == 2 ? " " : "");
                }
            }
            TextTable built = new TextTable("a", ">bb", "c");
            for (String[] r : cells) {
                built.row((Object[]) r);
            }
            StringWriter w = new StringWriter();
            new TextTable("a", ">bb", "c").write(w, i -> cells[i], n);
            assertThat(w.toString()).isEqualTo(built.render());
        }
    }
}
