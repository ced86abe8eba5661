package org.trialmeta.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.trialmeta.model.InputException;

/** The digitiser file forms {@link DigitiserCsv} reads, and what it refuses rather than misread. */
class DigitiserCsvTest {

    private static DigitiserCsv.Read curve(String text) {
        return DigitiserCsv.parse("c.csv", text.getBytes(StandardCharsets.UTF_8), DigitiserCsv.Kind.CURVE);
    }

    @Test
    void webPlotDigitizerPairsWithoutHeaderKeepTheirFileLines() {
        DigitiserCsv.Read r = curve("\n0.0,1.0\n\n2.5,0.93\r\n");
        assertThat(r.format()).startsWith("no header");
        assertThat(r.table().doubles(r.valueColumn())).containsExactly(1.0, 0.93);
        assertThat(r.table().line(1)).isEqualTo(4);
        assertThat(r.table().cellError(r.valueColumn(), 1, "0.93", "rule").getMessage())
                .isEqualTo("c.csv: line 4, column survival: '0.93' (rule)");
    }

    @Test
    void semicolonsWithDecimalCommas() {
        DigitiserCsv.Read r = curve("0;100\n1,5;97,8\n");
        assertThat(r.format()).endsWith("';' separated, decimal comma");
        assertThat(r.table().doubles(r.timeColumn())).containsExactly(0, 1.5);
        assertThat(r.table().doubles(r.valueColumn())).containsExactly(100, 97.8);
    }

    @Test
    void decimalCommasWithCommaSeparatorsAreRefusedNotMisread() {
        assertThatThrownBy(() -> curve("0,1\n1,5,0,98\n")).isInstanceOf(InputException.class)
                .hasMessage("c.csv: line 2: 4 values, expected 2 (time, survival); decimal commas need ';' as the"
                        + " separator");
    }

    @Test
    void headerNamesOfTheRPackagesAreAccepted() {
        DigitiserCsv.Read nar = DigitiserCsv.parse("r.csv", "time,NAR\n0,50\n".getBytes(StandardCharsets.UTF_8),
                DigitiserCsv.Kind.AT_RISK);
        assertThat(nar.valueColumn()).isEqualTo("NAR");
        DigitiserCsv.Read ipd = DigitiserCsv.parse("r.csv", "trisk;nrisk\n0;50\n".getBytes(StandardCharsets.UTF_8),
                DigitiserCsv.Kind.AT_RISK);
        assertThat(ipd.timeColumn()).isEqualTo("trisk");
        assertThatThrownBy(() -> curve("time,prob\n0,1\n")).hasMessage("c.csv: missing column survival (also"
                + " accepted: surv, s, y; columns present: time, prob)");
    }
}
