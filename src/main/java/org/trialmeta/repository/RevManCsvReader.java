package org.trialmeta.repository;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialmeta.model.InputException;
import org.trialmeta.repository.RevManReview.Comparison;
import org.trialmeta.repository.RevManReview.DataRow;
import org.trialmeta.repository.RevManReview.DataType;
import org.trialmeta.repository.RevManReview.Outcome;
import org.trialmeta.repository.RevManReview.Stored;
import org.trialmeta.repository.RevManReview.Study;
import org.trialmeta.repository.RevManReview.Subgroup;

/**
 * Reads RevMan 5's CSV export of "Data and analyses" (File → Export → Data and analyses) into a
 * {@link RevManReview}. RevMan documents the export only through its wizard; the layout read here is the one of
 * the files it writes (e.g. {@code Fleiss1993_CR.csv} shipped with R's meta package): a header of the chosen fields
 * ({@code Comparison Number}, {@code Outcome Number}, {@code Subgroup Number} are required, every other field is
 * optional), then per comparison a row with outcome number 0, per outcome a row with its settings and stored
 * totals, per subgroup (subgroup number &gt; 0) a first row with its name and stored results, and one row per
 * study. Numbers are written with 8 decimals, so stored results are compared at 5e-9. UTF-8 or ISO-8859-1.
 * Studies have no ids in the export: the study name stands in ({@code STD-} + name).
 */
public final class RevManCsvReader {

    /** Absolute precision of the export's numbers (8 decimals). */
    public static final double PRECISION = 5e-9;

    private RevManCsvReader() {}

    /** Reads {@code file}. */
    public static RevManReview read(Path file) {
        String display = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(display + ": is a directory, expected RevMan's CSV export");
            }
            if (Files.size(file) > RevManReader.MAX_BYTES) {
                throw new InputException(display + ": more than the limit of " + RevManReader.MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(display + ": no such file");
        } catch (IOException e) {
            throw new InputException(display + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(display, bytes);
    }

    /** Parses the export's bytes. */
    public static RevManReview parse(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CsvTable t = CsvTable.parse(name, text.getBytes(StandardCharsets.UTF_8));
        Map<String, String> col = new HashMap<>();
        for (String c : t.columns()) {
            col.put(key(c), c);
        }
        for (String required : new String[] {"comparisonnumber", "outcomenumber", "subgroupnumber", "name"}) {
            if (!col.containsKey(required)) {
                throw new InputException(name + ": missing column '" + switch (required) {
                    case "comparisonnumber" -> "Comparison Number";
                    case "outcomenumber" -> "Outcome Number";
                    case "subgroupnumber" -> "Subgroup Number";
                    default -> "Name";
                } + "' (not a RevMan 5 'Data and analyses' export)");
            }
        }
        return new Builder(name, t, col).build();
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replace("\u00b2", "2").replaceAll("[^a-z0-9]", "");
    }

    private static final class Builder {
        final String name;
        final CsvTable t;
        final Map<String, String> col;
        final Map<String, Study> studies = new LinkedHashMap<>();
        final List<Comparison> comparisons = new ArrayList<>();

        Builder(String name, CsvTable t, Map<String, String> col) {
            this.name = name;
            this.t = t;
            this.col = col;
        }

        String s(String k, int row) {
            String c = col.get(k);
            return c == null ? "" : t.string(c, row).strip();
        }

        Double d(String k, int row) {
            String v = s(k, row).replace(",", "");
            if (v.isEmpty()) {
                return null;
            }
            try {
                double x = Double.parseDouble(v);
                if (!Double.isFinite(x)) {
                    throw new NumberFormatException();
                }
                return x;
            } catch (NumberFormatException e) {
                throw t.cellError(col.get(k), row, s(k, row), "must be a finite number");
            }
        }

        int whole(String k, int row) {
            Double v = d(k, row);
            if (v == null || v < 0 || v != Math.rint(v)) {
                throw t.cellError(col.get(k), row, s(k, row), "must be a whole number >= 0");
            }
            return v.intValue();
        }

        Stored stored(int r) {
            return new Stored(d("effectestimate", r), d("cistart", r), d("ciend", r), d("z", r), d("pz", r), d("q", r),
                    d("df", r), d("pq", r), d("i2q", r), d("tau2", r), d("qint", r), d("pqint", r), d("i2qint", r),
                    d("weight", r), d("se", r), null);
        }

        RevManReview build() {
            String cmpNo = null;
            String cmpName = "";
            List<Outcome> outcomes = new ArrayList<>();
            OutcomeRows cur = null;
            for (int r = 0; r < t.rowCount(); r++) {
                int c = whole("comparisonnumber", r);
                int o = whole("outcomenumber", r);
                int g = whole("subgroupnumber", r);
                String cNo = Integer.toString(c);
                if (!cNo.equals(cmpNo)) {
                    if (cur != null) {
                        outcomes.add(cur.build());
                        cur = null;
                    }
                    if (cmpNo != null) {
                        comparisons.add(new Comparison(String.format(Locale.ROOT, "CMP-%03d", Integer.parseInt(cmpNo)), cmpNo,
                                cmpName, outcomes));
                    }
                    cmpNo = cNo;
                    cmpName = "";
                    outcomes = new ArrayList<>();
                }
                if (o == 0) {
                    cmpName = s("name", r);
                    continue;
                }
                if (cur == null || cur.no != o) {
                    if (cur != null) {
                        outcomes.add(cur.build());
                    }
                    cur = new OutcomeRows(this, c, o, r);
                    continue;
                }
                if (g > 0 && !cur.subgroupNos.contains(g)) {
                    cur.subgroupNos.add(g);
                    cur.subgroups.add(new Subgroup(String.format(Locale.ROOT, "%s.%02d", cur.id, g), Integer.toString(g),
                            s("name", r), stored(r), CsvTable.lineOf(r)));
                    continue;
                }
                cur.data.add(row(cur, r, g > 0 ? cur.subgroupNos.indexOf(g) : -1));
            }
            if (cur != null) {
                outcomes.add(cur.build());
            }
            if (cmpNo != null) {
                comparisons.add(new Comparison(String.format(Locale.ROOT, "CMP-%03d", Integer.parseInt(cmpNo)), cmpNo,
                        cmpName, outcomes));
            }
            return new RevManReview(name, "", studies, comparisons, PRECISION, true);
        }

        DataRow row(OutcomeRows o, int r, int subgroup) {
            String study = s("name", r);
            String id = "STD-" + study;
            studies.putIfAbsent(id, new Study(id, study, s("yearofstudy", r)));
            boolean generic = o.type == DataType.IV;
            Stored st = stored(r);
            return new DataRow(id, subgroup, d("events1", r), d("total1", r), d("mean1", r), d("sd1", r),
                    d("events2", r), d("total2", r), d("mean2", r), d("sd2", r), d("oe", r), d("var", r),
                    generic ? d("effectestimate", r) : null, generic ? d("se", r) : null, st, CsvTable.lineOf(r));
        }
    }

    private static final class OutcomeRows {
        final Builder b;
        final int no;
        final String id;
        final DataType type;
        final int row;
        final List<Integer> subgroupNos = new ArrayList<>();
        final List<Subgroup> subgroups = new ArrayList<>();
        final List<DataRow> data = new ArrayList<>();

        OutcomeRows(Builder b, int cmp, int no, int row) {
            this.b = b;
            this.no = no;
            this.row = row;
            this.id = String.format(Locale.ROOT, "CMP-%03d.%02d", cmp, no);
            String dt = b.s("datatype", row).toUpperCase(Locale.ROOT);
            if (dt.startsWith("DIC")) {
                type = DataType.DICH;
            } else if (dt.startsWith("CON")) {
                type = DataType.CONT;
            } else if (dt.startsWith("IPD") || dt.startsWith("O") || dt.startsWith("EXP")) {
                type = DataType.IPD;
            } else if (dt.startsWith("IV") || dt.startsWith("GIV") || dt.startsWith("GEN")) {
                type = DataType.IV;
            } else {
                throw b.t.cellError(b.col.getOrDefault("datatype", "Data Type"), row, dt,
                        "must be a RevMan data type (DIC, CON, IV, IPD)");
            }
        }

        Outcome build() {
            String method = b.s("statisticalmethod", row).toUpperCase(Locale.ROOT);
            if (method.equals("EXP_O_E_VAR")) {
                method = "PETO";
            }
            String measure = b.s("effectmeasure", row);
            Double ciStudy = level("studyconfidenceinterval");
            Double ciTotal = level("totalconfidenceinterval");
            String totals = b.s("totals", row).isEmpty() ? "YES" : b.s("totals", row).toUpperCase(Locale.ROOT);
            return new Outcome(type, id, Integer.toString(no), b.s("name", row), measure, method,
                    b.s("analysismodel", row).equalsIgnoreCase("Random"), totals, ciStudy == null ? 95 : ciStudy,
                    ciTotal == null ? 95 : ciTotal, yes(b.s("swapeventandnonevent", row)),
                    yes(b.s("entereddataareonlogscalegenericinversevarianceonly", row)),
                    !b.s("testforsubgroupdifferences", row).equalsIgnoreCase("No"), b.s("grouplabel1", row),
                    b.s("grouplabel2", row), b.s("leftgraphlabel", row), b.s("rightgraphlabel", row), b.stored(row),
                    subgroups, data, CsvTable.lineOf(row));
        }

        /** A CI level in percent, null when absent; exit 2 outside (0, 100), as the .rm5 reader's CI_STUDY/CI_TOTAL. */
        private Double level(String k) {
            Double v = b.d(k, row);
            if (v != null && !RevManReader.validLevel(v)) {
                throw b.t.cellError(b.col.get(k), row, b.s(k, row), RevManReader.LEVEL_RULE);
            }
            return v;
        }

        private static boolean yes(String v) {
            return v.equalsIgnoreCase("yes");
        }
    }
}
