package org.trialmeta.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialmeta.model.PValue;

/**
 * Finds the statistics a clinical paper reports in its text: proportions ("25/57 (44%)", "44% (95% CI 31–58)",
 * "n (%)" table rows), ratios with their CI and p-value ("HR 0.72 (95% CI 0.62–0.83; P&lt;0.001)"), medians with
 * their CI and unit ("8.5 months (95% CI 7.9–9.5)", "5.26 [4.60–6.37] vs 4.14 [3.42–4.86] months"), median
 * follow-up and p-values, in the notations of {@link Tokenizer}.
 *
 * <p>A bounded, linear scan: the text is tokenised once; sentences and table rows are found in one pass; every
 * pattern looks at most a fixed number of tokens ahead or behind ({@value #WINDOW}). Nothing is a regular
 * expression, so no input can make it backtrack.
 *
 * <p>What it does not do: it does not read figures, and it pairs statistics only within one sentence or one table
 * (a ratio with the medians of its sentence or row, response categories of one sentence or table column).
 */
public final class Extractor {

    /** Most tokens a pattern looks ahead or behind. */
    static final int WINDOW = 24;

    private static final Set<String> CI_WORDS = Set.of("ci", "cl", "ki", "ic", "confidence", "credible", "cri");
    private static final Set<String> TIME_POINT_WORDS = Set.of("at", "after", "within", "every", "by", "before",
            "than", "over", "per", "beyond", "until", "since", "from", "up", "landmark", "q");
    /** Words that may stand between a ratio's name and its value ("hazard ratio for disease progression or death, 0.69"). */
    private static final Set<String> RATIO_FILLER = Set.of("for", "of", "the", "death", "deaths", "disease",
            "progression", "or", "and", "mortality", "recurrence", "relapse", "event", "events", "stratified",
            "adjusted", "unadjusted", "ci", "cl", "confidence", "interval", "hr", "rr", "was", "is", "were", "vs",
            "versus", "with", "a", "an", "overall", "survival", "free", "pfs", "os", "efs", "dfs", "response",
            "objective", "responding", "treatment", "estimated", "corresponding", "respectively", "risk", "ratio");
    private static final Set<String> CHAIN_WORDS = Set.of("vs", "versus", "v", "and", "compared", "against");
    private static final Set<String> NOT_ABBREVIATIONS = Set.of("vs", "al", "eg", "ie", "e", "g", "i", "no", "fig",
            "figs", "ref", "approx", "mo", "mos", "wk", "wks", "yr", "yrs", "ca", "cf", "resp", "incl", "dr", "st",
            "nos", "vol", "pp", "min", "max");

    private final CharSequence text;
    private final TokenWindow t;
    private final List<Statistic> out = new ArrayList<>();
    private int context = -1;
    private int table = -1;
    private int paragraph = 0;

    // table state
    private Map<Integer, Integer> columnN = new HashMap<>();
    private Map<Integer, String> columnRatio = new HashMap<>();
    private Map<Integer, Boolean> columnP = new HashMap<>();
    private String tableCategory;
    private boolean tablePercentMode;
    private final Map<String, Integer> pendingCounts = new HashMap<>();
    private List<Ratio> previousRowRatios = List.of();

    private Extractor(CharSequence text, TokenWindow tokens) {
        this.text = text;
        this.t = tokens;
    }

    /** Every statistic in {@code text} (a string, or a document's text read as one). */
    public static Extraction extract(CharSequence text) {
        boolean comma = Tokenizer.decimalComma(text);
        return extract(text, comma, new TokenWindow(new Tokenizer.Stream(text, comma)));
    }

    /** {@link #extract(CharSequence)} reading the tokens of {@code window} (the text's, tokenised with {@code comma}). */
    static Extraction extract(CharSequence text, boolean comma, TokenWindow window) {
        Extractor x = new Extractor(text, window);
        x.run();
        List<Statistic> stats = new ArrayList<>(x.out);
        stats.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return new Extraction(stats, claimedCiMethod(text), comma);
    }

    // ------------------------------------------------------------------ units (sentences, table rows)

    private void run() {
        int start = 0;
        boolean inTable = false;
        for (int i = 0; ; i++) {
            boolean last = !t.has(i);
            boolean end = last || t.get(i).is(Token.Kind.BREAK) || t.get(i).is(Token.Kind.PERIOD) && endsSentence(i);
            if (!end) {
                continue;
            }
            if (i > start) {
                boolean table = false;
                for (int k = start; k < i; k++) {
                    if (t.get(k).is(Token.Kind.PIPE)) {
                        table = true;
                        break;
                    }
                }
                if (table && !inTable) {
                    resetTable();
                }
                inTable = table;
                context++;
                if (table) {
                    tableRow(start, i);
                } else {
                    sentence(start, i, -1, null, null);
                }
            }
            // a break (blank line, heading, table) after running text ends its paragraph, also when a full stop
            // ended the last sentence (then the break is a unit of its own, with no tokens before it)
            if (!last && t.get(i).is(Token.Kind.BREAK) && !inTable) {
                paragraph++;
            }
            if (last) {
                return;
            }
            start = i + 1;
            // a pattern looks at most WINDOW tokens behind a unit's first token: older tokens are let go
            t.release(start - 2 * WINDOW - 8);
        }
    }

    private boolean endsSentence(int i) {
        if (i > 0 && !t.get(i - 1).is(Token.Kind.WORD)) {
            return true; // "... 71.9%." or "... (P<0.001)." ends whatever follows
        }
        if (i > 0 && t.get(i - 1).is(Token.Kind.WORD)) {
            Token prev = t.get(i - 1);
            if (NOT_ABBREVIATIONS.contains(prev.word()) || prev.end() - prev.start() == 1
                    && Character.isUpperCase(text.charAt(prev.start()))) {
                return false;
            }
        }
        if (t.has(i + 1) && t.get(i + 1).is(Token.Kind.WORD)) {
            char c = text.charAt(t.get(i + 1).start());
            return !Character.isLowerCase(c);
        }
        return true;
    }

    private void resetTable() {
        table++;
        columnN = new HashMap<>();
        columnRatio = new HashMap<>();
        columnP = new HashMap<>();
        tableCategory = null;
        tablePercentMode = false;
        pendingCounts.clear();
        previousRowRatios = List.of();
    }

    // ------------------------------------------------------------------ tables

    private void tableRow(int a, int b) {
        List<int[]> cells = new ArrayList<>();
        int s = a;
        for (int i = a; i <= b; i++) {
            if (i == b || t.get(i).is(Token.Kind.PIPE)) {
                cells.add(new int[] {s, i});
                s = i + 1;
            }
        }
        // a leading pipe (Markdown) gives an empty first cell
        if (cells.size() > 1 && cells.get(0)[0] == cells.get(0)[1]) {
            cells.remove(0);
        }
        if (cells.isEmpty()) {
            return;
        }
        int[] label = cells.get(0);
        boolean header = true;
        for (int c = 1; c < cells.size(); c++) {
            if (hasStatisticNumber(cells.get(c)[0], cells.get(c)[1])) {
                header = false;
            }
        }
        String labelText = words(label[0], label[1]);
        if (header) {
            for (int c = 0; c < cells.size(); c++) {
                int[] cell = cells.get(c);
                Integer n = denominator(cell[0], cell[1]);
                if (n != null) {
                    columnN.put(c, n);
                }
                String w = words(cell[0], cell[1]);
                if (w.contains("ratio")) {
                    boolean hazard = w.contains("hazard");
                    boolean other = w.contains("odds") || w.contains("response") || w.contains("risk ratio")
                            || w.contains("rate ratio") || w.contains("relative risk");
                    columnRatio.put(c, hazard && other ? "MIXED" : w.contains("odds") ? "OR" : hazard ? "HR" : "RR");
                }
                if (w.equals("p") || w.contains("p value") || w.equals("p values")) {
                    columnP.put(c, true);
                }
            }
            String cat = category(label[0], label[1]);
            if (cat != null) {
                tableCategory = cat;
            }
            if (labelText.contains("no") && text.subSequence(t.get(label[0]).start(), t.get(Math.max(label[0],
                    label[1] - 1)).end()).toString().contains("%")) {
                tablePercentMode = true;
            }
            if (cells.size() == 1) {
                sentence(label[0], label[1], -1, null, null);
            }
            return;
        }
        String rowCategory = category(label[0], label[1]);
        if (rowCategory != null) {
            tableCategory = rowCategory;
        }
        String category = rowCategory != null ? rowCategory : isGenericLabel(labelText) ? tableCategory : null;
        String endpoint = endpointBefore(label[1], label[0]);
        boolean medianRow = labelText.contains("median") && !labelText.contains("follow");
        Units unit = unitIn(label[0], label[1]);
        boolean percentRow = labelHasPercent(label) || tablePercentMode;
        boolean pRow = labelText.equals("p") || labelText.startsWith("p value") || labelText.equals("p values");
        boolean countRow = labelText.startsWith("no") && labelText.contains("patients") && !labelHasPercent(label);
        if (endpoint != null && category == null && (labelText.contains("rate") || labelHasPercent(label))) {
            category = "SURVIVAL";
        }
        List<Ratio> rowRatios = new ArrayList<>();
        int medianOrder = 0;
        for (int c = 1; c < cells.size(); c++) {
            int[] cell = cells.get(c);
            if (cell[0] >= cell[1]) {
                continue;
            }
            int before = out.size();
            if (pRow || columnP.getOrDefault(c, false) && !hasPercent(cell[0], cell[1])) {
                PStat p = pCell(cell[0], cell[1], c);
                if (p != null) {
                    attachP(p, pRow ? previousRowRatios : rowRatios, c, pRow);
                    continue;
                }
            }
            String ratioColumn = columnRatio.get(c);
            if (ratioColumn != null || labelText.contains("ratio")) {
                String measure = labelText.contains("ratio") ? labelMeasure(labelText)
                        : !"MIXED".equals(ratioColumn) ? ratioColumn
                        : category != null && !"SURVIVAL".equals(category) ? "RR" : "HR";
                Ratio r = ratioCell(cell[0], cell[1], c, measure, endpoint);
                if (r != null) {
                    out.add(r);
                    rowRatios.add(r);
                    continue;
                }
            }
            if (medianRow && unit != null) {
                Median m = medianCell(cell[0], cell[1], c, endpoint, unit, medianOrder);
                if (m != null) {
                    out.add(m);
                    medianOrder++;
                    continue;
                }
            }
            if (countRow && category != null) {
                Token only = cell[1] - cell[0] == 1 ? t.get(cell[0]) : null;
                if (only != null && only.is(Token.Kind.NUM) && only.num().whole()) {
                    pendingCounts.put(category + "\u0000" + c, (int) only.num().value());
                    continue;
                }
            }
            sentence(cell[0], cell[1], c, category, columnN.get(c));
            if (percentRow) {
                tableParenPercent(cell[0], cell[1], c, category, before);
            }
            rowRatios.addAll(ratiosSince(before));
        }
        previousRowRatios = rowRatios;
    }

    private static String labelMeasure(String label) {
        return label.contains("odds") ? "OR" : label.contains("hazard") ? "HR" : "RR";
    }

    private static boolean isGenericLabel(String label) {
        return label.isEmpty() || label.startsWith("no") || label.startsWith("ci") || label.contains("review")
                || label.equals("n") || label.startsWith("stratified") || label.startsWith("rate")
                || label.startsWith("of patients") || label.startsWith("patients") || label.startsWith("percent");
    }

    private boolean labelHasPercent(int[] label) {
        for (int i = label[0]; i < label[1]; i++) {
            if (t.get(i).is(Token.Kind.PERCENT)) {
                return true;
            }
        }
        return false;
    }

    private List<Ratio> ratiosSince(int before) {
        List<Ratio> r = new ArrayList<>();
        for (int i = before; i < out.size(); i++) {
            if (out.get(i) instanceof Ratio x) {
                r.add(x);
            }
        }
        return r;
    }

    /** A p-value cell: "0·0005", "&lt;0.001", "p = 0.03". */
    private PStat pCell(int a, int b, int column) {
        int i = a;
        if (t.get(i).isWord("p")) {
            PStat p = pValue(i, b, column);
            return p;
        }
        PValue.Relation rel = PValue.Relation.EQUAL;
        if (t.get(i).is(Token.Kind.LT) || t.get(i).is(Token.Kind.LE)) {
            rel = PValue.Relation.LESS;
            i++;
        } else if (t.get(i).is(Token.Kind.GT) || t.get(i).is(Token.Kind.GE)) {
            rel = PValue.Relation.GREATER;
            i++;
        }
        if (i < b && t.get(i).is(Token.Kind.NUM) && t.get(i).num().value() <= 1) {
            Num v = t.get(i).num();
            return new PStat(t.get(a).start(), v.end(), context, column, rel, v);
        }
        return null;
    }

    private void attachP(PStat p, List<Ratio> ratios, int column, boolean previousRow) {
        for (Ratio r : ratios) {
            if (r.p() == null && (r.column() == column || !previousRow && ratios.size() == 1)) {
                int idx = out.size() - 1;
                while (idx >= 0 && out.get(idx) != r) { // the ratio is in this row or the one above: near the end
                    idx--;
                }
                Ratio with = r.withP(p, r.end());
                out.set(idx, with);
                ratios.set(ratios.indexOf(r), with);
                return;
            }
        }
        out.add(p);
    }

    private Ratio ratioCell(int a, int b, int column, String measure, String endpoint) {
        if (!t.get(a).is(Token.Kind.NUM)) {
            return null;
        }
        Num est = t.get(a).num();
        Ci ci = ci(a + 1, b, 95);
        if (ci == null && a + 1 != b) {
            return null;
        }
        return new Ratio(est.start(), ci == null ? est.end() : ci.end, context, column, measure, est,
                ci == null ? null : ci.lower, ci == null ? null : ci.upper, ci == null ? 95 : ci.level, null, endpoint);
    }

    private Median medianCell(int a, int b, int column, String endpoint, Units unit, int order) {
        Token first = t.get(a);
        Num value;
        if (first.is(Token.Kind.NUM)) {
            value = first.num();
        } else if (notReached(a, b) > a) {
            value = null;
        } else {
            return null;
        }
        int after = value != null ? a + 1 : notReached(a, b);
        Ci ci = ci(after, b, 95);
        return new Median(first.start(), ci == null ? t.get(after - 1).end() : ci.end, context, column, table, -1,
                endpoint, value,
                unit, ci == null ? null : ci.lower, ci == null ? null : ci.upper, ci == null ? 95 : ci.level, false,
                order);
    }

    /** "98 (23)", "1 (&lt;1)", "23 (19–27)" in a row or table whose figures are n (%) or % (95% CI). */
    private void tableParenPercent(int a, int b, int column, String category, int before) {
        if (out.size() > before) {
            return;
        }
        if (a + 2 < b && t.get(a).is(Token.Kind.NUM) && t.get(a + 1).is(Token.Kind.OPEN)) {
            Num first = t.get(a).num();
            int i = a + 2;
            boolean bound = false;
            if (i < b && (t.get(i).is(Token.Kind.LT) || t.get(i).is(Token.Kind.GT))) {
                bound = true;
                i++;
            }
            if (i + 1 < b && t.get(i).is(Token.Kind.NUM) && t.get(i + 1).is(Token.Kind.CLOSE)) {
                Num second = t.get(i).num();
                Integer n = columnN.get(column);
                if (first.whole()) {
                    out.add(merged(new Proportion(first.start(), t.get(i + 1).end(), context, column, table, category,
                            (int) first.value(), bound ? null : second, n, null, null, 95)));
                }
                return;
            }
            Ci ci = ci(a + 1, b, 95);
            if (ci != null) {
                out.add(merged(new Proportion(first.start(), ci.end, context, column, table, category, null, first,
                        columnN.get(column), ci.lower, ci.upper, ci.level)));
            }
        } else if (a < b && t.get(a).is(Token.Kind.NUM) && a + 1 == b && t.get(a).num().whole() && category != null
                && tablePercentMode) {
            Num k = t.get(a).num();
            out.add(new Proportion(k.start(), k.end(), context, column, table, category, (int) k.value(), null,
                    columnN.get(column), null, null, 95));
        }
    }

    private Proportion merged(Proportion p) {
        if (p.count() == null && p.category() != null) {
            Integer k = pendingCounts.remove(p.category() + "\u0000" + p.column());
            if (k != null) {
                return p.withCount(k);
            }
        }
        return p;
    }

    private boolean hasStatisticNumber(int a, int b) {
        for (int i = a; i < b; i++) {
            Token x = t.get(i);
            if (x.is(Token.Kind.NUM)) {
                boolean nEquals = i >= 2 && t.get(i - 1).is(Token.Kind.EQ) && t.get(i - 2).isWord("n");
                boolean level = i + 1 < b && t.get(i + 1).is(Token.Kind.PERCENT) && i + 2 < b
                        && t.get(i + 2).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(i + 2).word());
                if (!nEquals && !level) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasPercent(int a, int b) {
        for (int i = a; i < b; i++) {
            if (t.get(i).is(Token.Kind.PERCENT)) {
                return true;
            }
        }
        return false;
    }

    /** "N = 431", "(n=262)", "n = 57" in a header cell. */
    private Integer denominator(int a, int b) {
        for (int i = a; i + 2 < b; i++) {
            if (t.get(i).isWord("n") && t.get(i + 1).is(Token.Kind.EQ) && t.get(i + 2).is(Token.Kind.NUM)
                    && t.get(i + 2).num().whole()) {
                return (int) t.get(i + 2).num().value();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ sentences (and table cells)

    /**
     * The statistics of tokens [a, b): a sentence, or a table cell ({@code column} &gt;= 0) with the category and
     * denominator its row and column give.
     */
    private void sentence(int a, int b, int column, String cellCategory, Integer cellN) {
        int amongAt = among(a, b);
        int ofAt = amongAt >= 0 ? -1 : ofPatients(a, b);
        if (ofAt >= 0) {
            amongAt = ofAt;
        }
        Map<String, Integer> medianOrder = new HashMap<>();
        int found = out.size();
        int i = a;
        while (i < b) {
            Integer among = amongAt >= 0 && i > amongAt && i - amongAt <= AMONG_REACH
                    ? (int) t.get(amongAt).num().value() : null;
            int next = ratio(i, b, column);
            if (next == i) {
                next = pStandalone(i, b, column);
            }
            if (next == i) {
                next = median(i, b, column, medianOrder, a);
            }
            if (next == i) {
                guardContextN = cellN == null && ofAt >= 0;
                next = proportion(i, b, column, cellCategory, cellN != null ? cellN : among, a);
                guardContextN = false;
            }
            i = next > i ? next : i + 1;
        }
        if (column < 0) { // running text: a table cell's ratio may still get its row's p-value (attachP)
            relativeChange(a, b, found);
        }
    }

    /** Words that open a relative change before "by": "reduced the risk of death by 48%", "increased ... by 35%". */
    private static boolean changeVerb(String w) {
        return w.startsWith("reduc") || w.startsWith("decreas") || w.startsWith("lower") || w.startsWith("increas")
                || w.startsWith("rais");
    }

    /** Words that say a relative change is a fall ("reduction", "lower", "decreased"); the others are rises. */
    private static boolean fallWord(String w) {
        return w.startsWith("reduc") || w.startsWith("decreas") || w.startsWith("lower");
    }

    /** Words that name what a relative change is of: the risk, hazard or odds. */
    private static boolean riskWord(Token x) {
        return x.isWord("risk") || x.isWord("hazard") || x.isWord("odds");
    }

    /**
     * The relative change a sentence prints with its one ratio: "reduced the risk of death by 48%", "the risk of
     * death was reduced by 48%", "a 48% (relative) reduction in the risk of progression", "a 35% higher risk" (one
     * such phrase, naming the risk, hazard or odds; one ratio since {@code found}). Kept with the ratio, for
     * {@code relative-change}.
     */
    private void relativeChange(int a, int b, int found) {
        int ratio = -1;
        for (int k = found; k < out.size(); k++) {
            if (out.get(k) instanceof Ratio) {
                if (ratio >= 0) {
                    return;
                }
                ratio = k;
            }
        }
        if (ratio < 0) {
            return;
        }
        Num change = null;
        int changeAt = -1;
        int changeEnd = 0;
        boolean increase = false;
        for (int k = a; k + 1 < b; k++) {
            if (!(t.get(k).is(Token.Kind.NUM) && t.get(k + 1).is(Token.Kind.PERCENT))) {
                continue;
            }
            Boolean up = null;
            // "by 48%" after a verb of change, with the risk named between the verb and "by" or just before the verb
            if (k - 1 >= a && t.get(k - 1).isWord("by")) {
                boolean risk = false;
                boolean verb = false;
                for (int j = k - 2; j >= Math.max(a, k - 12); j--) {
                    risk |= riskWord(t.get(j));
                    if (t.get(j).isWord("absolute")) {
                        return; // "reduced the absolute risk of death by 5%": not 1 - ratio
                    }
                    if (t.get(j).is(Token.Kind.WORD) && changeVerb(t.get(j).word())) {
                        for (int r = j - 1; !risk && r >= Math.max(a, j - 4); r--) {
                            risk = riskWord(t.get(r)); // "the risk of death was reduced by"
                        }
                        up = risk ? !fallWord(t.get(j).word()) : null;
                        verb = true;
                        break;
                    }
                }
                if (!verb && risk) {
                    return; // "... by 48% and the risk of relapse by 30%": a second change, its verb further back
                }
            }
            // "48% reduction in the risk", "a 48% relative reduction in the hazard", "a 35% higher risk"
            int w = k + 2;
            if (up == null && w < b && t.get(w).isWord("relative")) {
                w++;
            }
            if (up == null && w < b && t.get(w).is(Token.Kind.WORD) && (t.get(w).word().startsWith("reduction")
                    || t.get(w).word().startsWith("decrease") || t.get(w).isWord("lower")
                    || t.get(w).word().startsWith("increase") || t.get(w).isWord("higher"))) {
                for (int j = w + 1; j < Math.min(b, w + 5); j++) {
                    if (riskWord(t.get(j))) {
                        up = !fallWord(t.get(w).word());
                        break;
                    }
                }
            }
            if (up != null) {
                if (change != null) {
                    return; // two: which goes with the ratio is not known
                }
                change = t.get(k).num();
                changeAt = k;
                changeEnd = t.get(k + 1).end();
                increase = up;
            }
        }
        Ratio r = (Ratio) out.get(ratio);
        if (change != null && (increase || change.value() < 100) && nextTo(changeAt, r, a, b)) {
            out.set(ratio, r.withChange(change, increase, changeEnd));
        }
    }

    /**
     * Whether the relative change at token {@code k} (its number) and the ratio {@code r} are one statement: the ratio
     * in brackets at most {@value #CHANGE_REACH} tokens after the change's "%" ("by 48% (hazard ratio, 0.52", "by 30%
     * compared with placebo (HR, 0.70", "a 31% relative reduction in the hazard of death (HR 0.69"), or the change at
     * most {@value #CHANGE_REACH} tokens after the ratio ("HR 0.69 (95% CI 0.55-0.87), a 31% relative reduction");
     * with no "and" or semicolon between ("reduced the risk of relapse by 40%, and the HR for death was 0.80" is two
     * statements).
     */
    private boolean nextTo(int k, Ratio r, int a, int b) {
        int from;
        int to;
        boolean bracket = false;
        if (t.get(k).start() < r.start()) {
            from = k + 2;
            to = from;
            while (to < b && t.get(to).start() < r.start()) {
                bracket |= t.get(to).is(Token.Kind.OPEN);
                to++;
            }
            if (!bracket) {
                return false;
            }
        } else {
            to = k;
            from = to;
            while (from > a && t.get(from - 1).start() >= r.end()) {
                from--;
            }
        }
        if (to - from > CHANGE_REACH) {
            return false;
        }
        for (int j = from; j < to; j++) {
            if (t.get(j).isWord("and") || t.get(j).is(Token.Kind.SEMI) || t.get(j).is(Token.Kind.PERIOD)) {
                return false;
            }
        }
        return true;
    }

    /** Most tokens between a relative change and its ratio (see {@link #nextTo}). */
    private static final int CHANGE_REACH = 10;

    /** Whether a line ends between two offsets (the text between adjacent tokens is white space). */
    private boolean newlineBetween(int from, int to) {
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Tokens after "among N" within which N is the denominator of a percentage that prints none. */
    private static final int AMONG_REACH = 25;

    /**
     * Whether the denominator a proportion is given by its sentence ("Of 40 patients, ...") is used with a printed
     * count only when the count over it gives the percentage at its rounding (the sentence may count something else).
     */
    private boolean guardContextN;

    /**
     * "Of 40 patients, ...", "In 40 evaluable patients ..." opening a sentence: the index of the "40", or -1. A word
     * for the patients must follow the number (at most one word between), so "In 2019, ..." is not one.
     */
    private int ofPatients(int a, int b) {
        if (!(a < b && (t.get(a).isWord("of") || t.get(a).isWord("in")))) {
            return -1;
        }
        int m = a + 1 < b && t.get(a + 1).isWord("the") ? a + 2 : a + 1; // "Of the 40 patients, ..."
        if (m + 1 < b && wholeAt(m, a) && patientsAt(m + 1, b)) {
            return m;
        }
        return -1;
    }

    /** "in 40 patients", "in 40 evaluable patients" at token {@code j}: the 40, or null. */
    private Integer inPatients(int j, int b) {
        if (j + 2 < b && t.get(j).isWord("in") && wholeAt(j + 1, j) && patientsAt(j + 2, b)) {
            return (int) t.get(j + 1).num().value();
        }
        return null;
    }

    /** Whether {@code k}/{@code n} gives the percentage {@code pct} at the decimals it was printed with. */
    private static boolean gives(int k, int n, Num pct) {
        if (n <= 0 || k > n) {
            return false;
        }
        return Math.abs(100.0 * k / n - pct.value()) <= 0.5 * Math.pow(10, -pct.decimals()) + 1e-9;
    }

    /**
     * "Among 57 patients", "among the 57 treated patients": the index of the "57", or -1. After "among the" a word for
     * the patients must follow (at most one word between), so "among the 3 arms" is not one.
     */
    private int among(int a, int b) {
        for (int i = a; i + 1 < b; i++) {
            if (t.get(i).isWord("among")) {
                if (wholeAt(i + 1, i)) {
                    return i + 1;
                }
                int m = i + 2;
                if (t.get(i + 1).isWord("the") && m + 1 < b && wholeAt(m, i) && patientsAt(m + 1, b)) {
                    return m;
                }
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ ratios

    private int ratio(int i, int b, int column) {
        String measure = ratioKeyword(i);
        if (measure == null) {
            return i;
        }
        int k = i + (t.get(i).word().equals("hazard") || t.get(i).word().equals("odds") || t.get(i).word().equals("risk")
                || t.get(i).word().equals("relative") || t.get(i).word().equals("rate") ? 2 : 1);
        double level = 95;
        int limit = Math.min(b, k + WINDOW);
        Num est = null;
        int at = -1;
        for (int j = k; j < limit; j++) {
            Token x = t.get(j);
            if (x.is(Token.Kind.PERIOD) || x.is(Token.Kind.PIPE) || x.is(Token.Kind.BREAK) || j > k && ratioKeyword(j) != null
                    || x.is(Token.Kind.WORD) && !RATIO_FILLER.contains(x.word())) {
                return i;
            }
            if (x.is(Token.Kind.NUM)) {
                if (j + 1 < b && t.get(j + 1).is(Token.Kind.PERCENT)) {
                    if (j + 2 < b && t.get(j + 2).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(j + 2).word())
                            || j + 3 < b && t.get(j + 2).is(Token.Kind.DASH) && CI_WORDS.contains(t.get(j + 3).word())) {
                        level = x.num().value();
                        j += 2;
                        continue;
                    }
                    return i;
                }
                if (j + 1 < b && t.get(j + 1).is(Token.Kind.WORD) && Units.of(t.get(j + 1).word()) != null) {
                    return i;
                }
                est = x.num();
                at = j;
                break;
            }
        }
        if (est == null || !(est.value() > 0)) {
            return i;
        }
        Ci ci = ci(at + 1, b, level);
        int end = ci == null ? at + 1 : ci.endToken;
        Ratio r = new Ratio(t.get(i).start(), ci == null ? est.end() : ci.end, context, column, measure, est,
                ci == null ? null : ci.lower, ci == null ? null : ci.upper, ci == null ? level : ci.level, null,
                endpointBefore(i, Math.max(0, i - WINDOW)));
        // a p-value printed with it: "; P<0.001", ", p = 0.03"
        for (int j = end; j < Math.min(b, end + 6); j++) {
            Token x = t.get(j);
            if (x.isWord("p")) {
                PStat p = pValue(j, b, column);
                if (p != null) {
                    r = r.withP(p, p.end());
                    end = indexAfter(p.end(), j, b);
                }
                break;
            }
            if (!(x.is(Token.Kind.SEMI) || x.is(Token.Kind.COMMA) || x.is(Token.Kind.OPEN) || x.is(Token.Kind.CLOSE)
                    || x.isWord("and") || x.isWord("with"))) {
                break;
            }
        }
        out.add(r);
        return end;
    }

    /** HR, OR, RR (upper case), hazard ratio, odds ratio, risk ratio, relative risk, rate ratio; else null. */
    private String ratioKeyword(int i) {
        Token x = t.get(i);
        if (!x.is(Token.Kind.WORD)) {
            return null;
        }
        String original = text.subSequence(x.start(), x.end()).toString();
        switch (x.word()) {
            case "hr", "hrs" -> {
                return original.startsWith("HR") ? "HR" : null;
            }
            case "or" -> {
                return original.equals("OR") ? "OR" : null;
            }
            case "rr" -> {
                return original.equals("RR") ? "RR" : null;
            }
            case "hazard" -> {
                return next(i, "ratio") ? "HR" : null;
            }
            case "odds" -> {
                return next(i, "ratio") ? "OR" : null;
            }
            case "risk", "rate" -> {
                return next(i, "ratio") ? "RR" : null;
            }
            case "relative" -> {
                return next(i, "risk") ? "RR" : null;
            }
            default -> {
                return null;
            }
        }
    }

    private boolean next(int i, String word) {
        return t.has(i + 1) && t.get(i + 1).isWord(word);
    }

    private int indexAfter(int offset, int from, int b) {
        int j = from;
        while (j < b && t.get(j).start() < offset) {
            j++;
        }
        return j;
    }

    // ------------------------------------------------------------------ p-values

    private int pStandalone(int i, int b, int column) {
        if (!t.get(i).isWord("p")) {
            return i;
        }
        PStat p = pValue(i, b, column);
        if (p == null) {
            return i;
        }
        out.add(p);
        return indexAfter(p.end(), i, b);
    }

    /** "P&lt;0.001", "p = .03", "P value 0.0005", "p: 0.2"; null when the tokens at {@code i} are not one. */
    private PStat pValue(int i, int b, int column) {
        int j = i + 1;
        if (j < b && t.get(j).is(Token.Kind.DASH) && j + 1 < b && t.get(j + 1).isWord("value")) {
            j += 2;
        } else if (j < b && t.get(j).isWord("value")) {
            j++;
        }
        if (j >= b) {
            return null;
        }
        PValue.Relation rel;
        Token x = t.get(j);
        if (x.is(Token.Kind.EQ) || x.is(Token.Kind.COLON)) {
            rel = PValue.Relation.EQUAL;
            j++;
        } else if (x.is(Token.Kind.LT) || x.is(Token.Kind.LE)) {
            rel = PValue.Relation.LESS;
            j++;
        } else if (x.is(Token.Kind.GT) || x.is(Token.Kind.GE)) {
            rel = PValue.Relation.GREATER;
            j++;
        } else if (x.is(Token.Kind.NUM)) {
            rel = PValue.Relation.EQUAL;
        } else {
            return null;
        }
        if (j < b && (t.get(j).is(Token.Kind.LT) || t.get(j).is(Token.Kind.GT))) {
            rel = t.get(j).is(Token.Kind.LT) ? PValue.Relation.LESS : PValue.Relation.GREATER;
            j++;
        }
        if (j >= b || !t.get(j).is(Token.Kind.NUM) || t.get(j).num().value() > 1) {
            return null;
        }
        Num v = t.get(j).num();
        return new PStat(t.get(i).start(), v.end(), context, column, rel, v);
    }

    // ------------------------------------------------------------------ medians

    private int median(int i, int b, int column, Map<String, Integer> order, int unitStart) {
        Token x = t.get(i);
        boolean nr = false;
        int afterValue;
        if (x.is(Token.Kind.NUM)) {
            afterValue = i + 1;
        } else {
            afterValue = notReached(i, b);
            if (afterValue == i) {
                return i;
            }
            nr = true;
        }
        if (i > unitStart && t.get(i - 1).is(Token.Kind.WORD) && TIME_POINT_WORDS.contains(t.get(i - 1).word())) {
            return i;
        }
        if (afterValue < b && t.get(afterValue).is(Token.Kind.DASH) && afterValue + 1 < b
                && t.get(afterValue + 1).is(Token.Kind.WORD) && Units.of(t.get(afterValue + 1).word()) != null) {
            return i; // "12-month", "2-year"
        }
        // value [CI] unit, or a chain: value [CI] vs value [CI] unit
        List<Object[]> chain = new ArrayList<>();
        int j = i;
        Units unit = null;
        int guard = 0;
        while (j < b && guard++ < 4) {
            Num value = null;
            int after;
            if (t.get(j).is(Token.Kind.NUM)) {
                value = t.get(j).num();
                after = j + 1;
            } else {
                after = notReached(j, b);
                if (after == j) {
                    break;
                }
            }
            Units u = after < b && t.get(after).is(Token.Kind.WORD) ? Units.of(t.get(after).word()) : null;
            Ci ci = null;
            if (u != null) {
                after++;
                ci = ci(after, b, 95);
                if (ci != null) {
                    after = ci.endToken;
                }
            } else {
                ci = ci(after, b, 95);
                int a2 = ci == null ? after : ci.endToken;
                u = a2 < b && t.get(a2).is(Token.Kind.WORD) ? Units.of(t.get(a2).word()) : null;
                if (u != null) {
                    after = a2 + 1;
                } else {
                    after = a2;
                }
            }
            chain.add(new Object[] {value, ci, u, j, after});
            if (u != null) {
                unit = u;
            }
            int k = after;
            if (u != null && !(k < b && t.get(k).is(Token.Kind.WORD) && CHAIN_WORDS.contains(t.get(k).word())
                    && k + 1 < b && t.get(k + 1).is(Token.Kind.NUM) && unitAhead(k + 1, b))) {
                break;
            }
            if (k < b && t.get(k).is(Token.Kind.WORD) && CHAIN_WORDS.contains(t.get(k).word())) {
                k++;
                if (k < b && t.get(k).isWord("with")) {
                    k++;
                }
                j = k;
                continue;
            }
            break;
        }
        if (unit == null || chain.isEmpty() || nr && chain.size() == 1 && chain.get(0)[2] == null && unit == null) {
            return i;
        }
        Kind kind = kind(i, unitStart);
        if (kind == Kind.NONE) {
            return i;
        }
        String endpoint = kind == Kind.FOLLOW_UP ? null : endpointBefore(i, unitStart);
        int last = i;
        for (Object[] c : chain) {
            Num value = (Num) c[0];
            Ci ci = (Ci) c[1];
            Units u = c[2] != null ? (Units) c[2] : unit;
            int from = (int) c[3];
            int after = (int) c[4];
            String key = endpoint == null ? "" : endpoint;
            int ord = kind == Kind.FOLLOW_UP ? 0 : order.merge(key, 1, Integer::sum) - 1;
            out.add(new Median(t.get(from).start(), t.get(after - 1).end(), context, column, column >= 0 ? table : -1,
                    column >= 0 ? -1 : paragraph, endpoint, value, u,
                    ci == null ? null : ci.lower, ci == null ? null : ci.upper, ci == null ? 95 : ci.level,
                    kind == Kind.FOLLOW_UP, ord));
            last = after;
        }
        return last;
    }

    private boolean unitAhead(int j, int b) {
        for (int k = j; k < Math.min(b, j + 10); k++) {
            if (t.get(k).is(Token.Kind.WORD) && Units.of(t.get(k).word()) != null) {
                return true;
            }
        }
        return false;
    }

    private enum Kind { MEDIAN, FOLLOW_UP, NONE }

    /** Words for an age right after "median" ("median age", "median patient age"). */
    private static final Set<String> AGE_WORDS = Set.of("age", "ages", "aged");

    /** Median, follow-up or neither, from the words before {@code i} in its sentence. */
    private Kind kind(int i, int unitStart) {
        for (int j = i - 1; j >= Math.max(unitStart, i - 3 * WINDOW); j--) {
            Token x = t.get(j);
            if (x.isWord("follow") || x.isWord("followup") || x.isWord("observation")) {
                return Kind.FOLLOW_UP;
            }
            if (x.isWord("median") || x.isWord("medians") || x.isWord("mediane") || x.isWord("medianes")
                    || x.isWord("mediana")) {
                // "median age was 62 years": an age, not a time to an event (scan called every abstract's median age
                // an implausible clinical median)
                for (int k = j + 1; k <= Math.min(i - 1, j + 2); k++) {
                    if (t.get(k).is(Token.Kind.WORD) && AGE_WORDS.contains(t.get(k).word())) {
                        return Kind.NONE;
                    }
                }
                return Kind.MEDIAN;
            }
        }
        return Kind.NONE;
    }

    /** The index after "NR", "not reached", "not estimable", "NE"; {@code i} when none. */
    private int notReached(int i, int b) {
        Token x = t.get(i);
        if (!x.is(Token.Kind.WORD)) {
            return i;
        }
        String original = text.subSequence(x.start(), x.end()).toString();
        if (original.equals("NR") || original.equals("NE")) {
            return i + 1;
        }
        if (x.isWord("not") && i + 1 < b && (t.get(i + 1).isWord("reached") || t.get(i + 1).isWord("estimable")
                || t.get(i + 1).isWord("evaluable"))) {
            return i + 2;
        }
        return i;
    }

    // ------------------------------------------------------------------ proportions

    private int proportion(int i, int b, int column, String cellCategory, Integer contextN, int unitStart) {
        Token x = t.get(i);
        // "CR, n = 8"
        String cat = categoryAt(i);
        if (cat != null) {
            int j = i + categoryLength(i);
            if (j < b && (t.get(j).is(Token.Kind.COMMA) || t.get(j).is(Token.Kind.COLON))) {
                j++;
            }
            if (j + 2 < b) {
                if (t.get(j).isWord("n") && t.get(j + 1).is(Token.Kind.EQ) && t.get(j + 2).is(Token.Kind.NUM)
                        && t.get(j + 2).num().whole()) {
                    Num k = t.get(j + 2).num();
                    out.add(new Proportion(x.start(), k.end(), context, column, column >= 0 ? table : -1, cat, (int) k.value(), null, contextN,
                            null, null, 95));
                    return j + 3;
                }
            }
            return i;
        }
        if (!x.is(Token.Kind.NUM) || i + 1 >= b) {
            return i;
        }
        // k/n without a percentage, after a category word: "CR 8/57"
        if (t.get(i + 1).is(Token.Kind.SLASH) && i + 2 < b && t.get(i + 2).is(Token.Kind.NUM) && x.num().whole()
                && t.get(i + 2).num().whole() && !(i + 3 < b && t.get(i + 3).is(Token.Kind.OPEN)
                && i + 5 < b && t.get(i + 5).is(Token.Kind.PERCENT)) && !(i + 6 < b && isPatients(i + 3)
                && t.get(i + 4).is(Token.Kind.OPEN) && t.get(i + 6).is(Token.Kind.PERCENT))) {
            String c = categoryBefore(i, unitStart);
            if (c != null && x.num().value() <= t.get(i + 2).num().value()) {
                out.add(new Proportion(x.start(), t.get(i + 2).end(), context, column, column >= 0 ? table : -1, c, (int) x.num().value(), null,
                        (int) t.get(i + 2).num().value(), null, null, 95));
                return i + 3;
            }
        }
        if (!t.get(i + 1).is(Token.Kind.PERCENT) || newlineBetween(x.end(), t.get(i + 1).start())) {
            return i; // a '%' that starts the next line is a label ("% (95% CI)"), not this number's sign
        }
        if (i + 2 < b && t.get(i + 2).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(i + 2).word())) {
            return i; // a CI level, "95% CI"
        }
        if (i + 3 < b && t.get(i + 2).is(Token.Kind.DASH) && CI_WORDS.contains(t.get(i + 3).word())) {
            return i; // "95%-KI"
        }
        Num pct = x.num();
        if (pct.value() > 100) {
            return i + 2;
        }
        Integer count = null;
        Integer n = null;
        int start = pct.start();
        int[] counted; // a count and where it starts (countAt)
        // look back: "25/57 (44%)", "98 (23%)", "399 of 636 (62.7%)", "14 out of 40 (35%)"
        int m; // the denominator's token, before a word for the patients
        if (i - 1 >= unitStart && t.get(i - 1).is(Token.Kind.OPEN) && wholeAt(i - 2, unitStart)) {
            Num k = t.get(i - 2).num();
            if ((counted = countBefore(i - 2, unitStart)) != null) {
                count = counted[0];
                n = (int) k.value();
                start = counted[1];
            } else if (!(i - 3 >= unitStart && t.get(i - 3).is(Token.Kind.WORD) && (Units.of(t.get(i - 3).word()) != null
                    || TIME_POINT_WORDS.contains(t.get(i - 3).word())))) {
                count = (int) k.value();
                start = k.start();
            }
        } else if (i - 3 >= unitStart && t.get(i - 1).is(Token.Kind.OPEN) && isPatients(i - 2)
                && (m = wholeAt(i - 3, unitStart) ? i - 3 : t.get(i - 3).is(Token.Kind.WORD) && wholeAt(i - 4, unitStart)
                        ? i - 4 : -1) >= 0
                && (counted = countBefore(m, unitStart)) != null) {
            // "5 of 40 patients (12.5%", "5/40 patients (12.5%", "Five of 40 patients (12.5%", "5 of the 40 evaluable
            // patients (12.5%", "5 out of 40 patients (12.5%"
            count = counted[0];
            n = (int) t.get(m).num().value();
            start = counted[1];
        }
        boolean closeAfter = count != null && i + 2 < b && t.get(i + 2).is(Token.Kind.CLOSE);
        if (closeAfter && n != null && labelledCi(i + 3, b)) {
            // "5/40 (12.5%) [95% CI, 4.2-26.8]", "5/40 (12.5%), 95% CI 4.2-26.8" (labelled: "(12.5%) (1-2 lines)" is none)
            Ci after = ci(i + 3, b, 95);
            if (after != null) {
                return add(start, after, count, pct, n, contextN, column, cellCategory, i, unitStart, b);
            }
        }
        int j = i + 2;
        int end = t.get(i + 1).end();
        // "(n = 25/57; 95% CI, 31%-58%)"
        if (j + 5 < b && t.get(j).is(Token.Kind.OPEN) && t.get(j + 1).isWord("n") && t.get(j + 2).is(Token.Kind.EQ)
                && t.get(j + 3).is(Token.Kind.NUM) && t.get(j + 4).is(Token.Kind.SLASH) && t.get(j + 5).is(Token.Kind.NUM)
                && t.get(j + 3).num().whole() && t.get(j + 5).num().whole()) {
            count = (int) t.get(j + 3).num().value();
            n = (int) t.get(j + 5).num().value();
            end = t.get(j + 5).end();
            j += 6;
            if (j < b && (t.get(j).is(Token.Kind.SEMI) || t.get(j).is(Token.Kind.COMMA))) {
                Ci ci = ci(j + 1, b, 95, true);
                if (ci != null) {
                    return add(start, ci, count, pct, n, contextN, column, cellCategory, i, unitStart, b);
                }
            }
        }
        // "(5/40; 95% CI, 4.2% to 26.8%)", "(5 of 40 patients; 95% CI ...)", "(5/40)": the count of the percentage
        // printed in its brackets
        if (count == null && j < b && t.get(j).is(Token.Kind.OPEN)) {
            int[] kn = countOfN(j + 1, b);
            if (kn != null) {
                int k = kn[2];
                String c = cellCategory != null ? cellCategory : categoryBefore(i, unitStart);
                // a response rate is a crude proportion: its bracketed count is its own even when they disagree
                // (not at a time point: "the 12-month response rate" may be a Kaplan-Meier estimate)
                if (k < b && t.get(k).is(Token.Kind.CLOSE) && (gives(kn[0], kn[1], pct)
                        || c != null && !"SURVIVAL".equals(c) && !timePointBefore(i, unitStart))) {
                    count = kn[0];
                    n = kn[1];
                    out.add(new Proportion(start, t.get(k).end(), context, column, column >= 0 ? table : -1, c, count,
                            pct, n, null, null, 95));
                    return k + 1;
                }
                if (k < b && (t.get(k).is(Token.Kind.SEMI) || t.get(k).is(Token.Kind.COMMA))) {
                    Ci inner = ci(k + 1, b, 95, true);
                    if (inner != null) {
                        return add(start, inner, kn[0], pct, kn[1], contextN, column, cellCategory, i, unitStart, b);
                    }
                }
            }
        }
        Ci ci = ci(j, b, 95);
        if (ci != null) {
            // "(95% CI, 4.2%-26.8%; 5/40)": the count after the CI, in its brackets
            int k = ci.endToken;
            if (count == null && k + 1 < b && t.get(k).is(Token.Kind.SEMI) && t.get(j).is(Token.Kind.OPEN)) {
                int[] kn = countOfN(k + 1, b);
                if (kn != null && kn[2] < b && t.get(kn[2]).is(Token.Kind.CLOSE)) {
                    Ci whole = new Ci(ci.lower, ci.upper, ci.level, t.get(kn[2]).end(), kn[2] + 1);
                    return add(start, whole, kn[0], pct, kn[1], contextN, column, cellCategory, i, unitStart, b);
                }
            }
            return add(start, ci, count, pct, n, contextN, column, cellCategory, i, unitStart, b);
        }
        String c = cellCategory != null ? cellCategory : categoryBefore(i, unitStart);
        if (n == null) {
            // "52 (38%) of 137 patients", "12 (30% of 40)", "35% of 40 evaluable patients": the denominator after it
            int[] of = ofN(closeAfter ? i + 3 : i + 2, b, count);
            if (of != null) {
                out.add(new Proportion(start, t.get(of[1] - 1).end(), context, column, column >= 0 ? table : -1, c,
                        count, pct, of[0], null, null, 95));
                return of[1];
            }
        }
        Integer trailing = trailingN(j, b);
        if (closeAfter) {
            end = t.get(i + 2).end();
        }
        if (n == null && trailing == null && contextN == null) {
            trailing = guarded(count, inPatients(closeAfter ? i + 3 : i + 2, b), pct, true);
        }
        out.add(new Proportion(start, end, context, column, column >= 0 ? table : -1, c, count, pct, n != null ? n
                : trailing != null ? trailing : guarded(count, contextN, pct, guardContextN), null, null, 95));
        return closeAfter ? i + 3 : i + 2;
    }

    private int add(int start, Ci ci, Integer count, Num pct, Integer n, Integer contextN, int column,
            String cellCategory, int i, int unitStart, int b) {
        Integer trailing = n == null ? trailingN(ci.endToken, b) : null;
        if (n == null && trailing == null && contextN == null) {
            trailing = guarded(count, inPatients(ci.endToken, b), pct, true);
        }
        String c = cellCategory != null ? cellCategory : categoryBefore(i, unitStart);
        out.add(new Proportion(start, ci.end, context, column, column >= 0 ? table : -1, c, count, pct, n != null ? n
                : trailing != null ? trailing : guarded(count, contextN, pct, guardContextN), ci.lower, ci.upper, ci.level));
        return ci.endToken;
    }

    /** Whether a CI label ("95% CI", "CI") starts at token {@code k}, after at most a bracket and a comma. */
    private boolean labelledCi(int k, int b) {
        if (k < b && (t.get(k).is(Token.Kind.OPEN) || t.get(k).is(Token.Kind.COMMA) || t.get(k).is(Token.Kind.SEMI))) {
            k++;
        }
        if (k + 1 < b && t.get(k).is(Token.Kind.NUM) && t.get(k + 1).is(Token.Kind.PERCENT)) {
            k += 2;
            if (k < b && t.get(k).is(Token.Kind.DASH)) {
                k++;
            }
        }
        return k < b && t.get(k).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(k).word());
    }

    /**
     * {@code n}, unless a printed count over it does not give the percentage (then null): for a denominator its
     * sentence gives ("Of 40 patients, ...", "... in 40 patients") rather than the brackets of the percentage.
     */
    private static Integer guarded(Integer count, Integer n, Num pct, boolean guard) {
        if (n == null || count == null || !guard) {
            return n;
        }
        return gives(count, n, pct) ? n : null;
    }

    /**
     * Counts spelled out, as a sentence opens with them ("Twelve of 40 patients (30%)"; journals do not open a sentence
     * with a numeral): one to twenty and the tens to ninety, and hyphenated compounds ("Twenty-five"). Read only as the
     * count of "X of N (p%)", never as numbers elsewhere ("one patient", "two-sided").
     */
    private static final Map<String, Integer> COUNT_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90));

    /**
     * The count at token {@code i} of "X of N": a whole number, or one spelled out ({@link #COUNT_WORDS}; a compound
     * such as "twenty-five" ends at {@code i}): {count, offset of its first character}, or null.
     */
    private int[] countAt(int i, int unitStart) {
        Token k = t.get(i);
        if (k.is(Token.Kind.NUM)) {
            return k.num().whole() ? new int[] {(int) k.num().value(), k.start()} : null;
        }
        Integer v = k.is(Token.Kind.WORD) ? COUNT_WORDS.get(k.word()) : null;
        if (v == null) {
            return null;
        }
        if (v < 10 && i - 2 >= unitStart && t.get(i - 1).is(Token.Kind.DASH) && t.get(i - 2).is(Token.Kind.WORD)
                && t.get(i - 1).start() == t.get(i - 2).end() && k.start() == t.get(i - 1).end()) {
            Integer tens = COUNT_WORDS.get(t.get(i - 2).word());
            if (tens != null && tens >= 20 && tens % 10 == 0) {
                return new int[] {tens + v, t.get(i - 2).start()};
            }
        }
        return new int[] {v, k.start()};
    }

    /** Whether a time ("12-month", "at 6 months", "1 year") stands within ten tokens before token {@code i}. */
    private boolean timePointBefore(int i, int unitStart) {
        for (int j = i - 1; j >= Math.max(unitStart + 1, i - 10); j--) {
            if (t.get(j).is(Token.Kind.WORD) && Units.of(t.get(j).word()) != null && (t.get(j - 1).is(Token.Kind.NUM)
                    || j - 2 >= unitStart && t.get(j - 1).is(Token.Kind.DASH) && t.get(j - 2).is(Token.Kind.NUM))) {
                return true;
            }
        }
        return false;
    }

    /** Whether token {@code i} (not before {@code from}) is a whole number. */
    private boolean wholeAt(int i, int from) {
        return i >= from && t.get(i).is(Token.Kind.NUM) && t.get(i).num().whole();
    }

    /**
     * The count of "x/N", "x of N", "x of the N", "x out of N" (x spelled out only before a word) whose N is token
     * {@code m}: {count, offset of its first character}, or null.
     */
    private int[] countBefore(int m, int unitStart) {
        int j = m - 1;
        if (j - 1 >= unitStart && t.get(j).is(Token.Kind.SLASH)) {
            return wholeAt(j - 1, unitStart) ? countAt(j - 1, unitStart) : null;
        }
        if (j >= unitStart && t.get(j).isWord("the")) {
            j--;
        }
        if (!(j - 1 >= unitStart && t.get(j).isWord("of"))) {
            return null;
        }
        j--;
        if (t.get(j).isWord("out")) {
            j--;
        }
        return j >= unitStart ? countAt(j, unitStart) : null;
    }

    /**
     * "5/40", "5 of 40", "5 out of 40", "5 of the 40", each maybe followed by "patients", at token {@code j} (count at
     * most n): {count, n, the token after}; else null.
     */
    private int[] countOfN(int j, int b) {
        if (!(j + 2 < b && wholeAt(j, j))) {
            return null;
        }
        int m = j + 1;
        if (t.get(m).is(Token.Kind.SLASH)) {
            m++;
        } else {
            if (t.get(m).isWord("out")) {
                m++;
            }
            if (!(m < b && t.get(m).isWord("of"))) {
                return null;
            }
            m++;
            if (m < b && t.get(m).isWord("the")) {
                m++;
            }
        }
        if (!(m < b && wholeAt(m, m))) {
            return null;
        }
        int k = (int) t.get(j).num().value();
        int n = (int) t.get(m).num().value();
        if (k > n) {
            return null;
        }
        int after = m + 1;
        if (after < b && isPatients(after)) {
            after++;
        }
        return new int[] {k, n, after};
    }

    /**
     * "of 137", "of the 137 treated patients" at token {@code j}, right after a percentage (or its closing bracket)
     * with the count before it ("52 (38%) of 137 patients", the form of NEJM and the Lancet) or without one ("35% of
     * 40 patients"): {n, the token after it}, or null. A word for the patients must follow n when no count was
     * printed, or when the count exceeds n (so "12 (35%) of 10 centres" is not read); never a unit or a percentage
     * ("5 (12%) of 40 mg", "of 40%").
     */
    private int[] ofN(int j, int b, Integer count) {
        if (!(j + 1 < b && t.get(j).isWord("of"))) {
            return null;
        }
        int m = j + 1 < b && (t.get(j + 1).isWord("the") || t.get(j + 1).isWord("all")) ? j + 2 : j + 1;
        if (!(m < b && wholeAt(m, j))) {
            return null;
        }
        int n = (int) t.get(m).num().value();
        int after = m + 1;
        if (after < b && (t.get(after).is(Token.Kind.PERCENT) || t.get(after).is(Token.Kind.SLASH)
                || t.get(after).is(Token.Kind.WORD) && Units.of(t.get(after).word()) != null)) {
            return null;
        }
        if (patientsAt(after, b)) {
            return new int[] {n, isPatients(after) ? after + 1 : after + 2};
        }
        return count != null && count <= n ? new int[] {n, after} : null;
    }

    /** Words that name the people a denominator counts ("40 patients", "40 evaluable patients"). */
    private static final Set<String> PATIENT_WORDS = Set.of("patients", "participants", "subjects", "pts");

    /** Whether token {@code i} is one of {@link #PATIENT_WORDS}. */
    private boolean isPatients(int i) {
        return t.has(i) && t.get(i).is(Token.Kind.WORD) && PATIENT_WORDS.contains(t.get(i).word());
    }

    /** A word for the patients at token {@code j}, or after one word ("40 evaluable patients") at j + 1, before b. */
    private boolean patientsAt(int j, int b) {
        return j < b && isPatients(j) || j + 1 < b && t.get(j).is(Token.Kind.WORD) && isPatients(j + 1);
    }

    /** "(n = 109)" within a few tokens after a percentage, before any other number. */
    private Integer trailingN(int j, int b) {
        for (int k = j; k < Math.min(b, j + 12); k++) {
            Token x = t.get(k);
            if (x.isWord("n") && k + 2 < b && t.get(k + 1).is(Token.Kind.EQ) && t.get(k + 2).is(Token.Kind.NUM)
                    && t.get(k + 2).num().whole() && !(k + 3 < b && t.get(k + 3).is(Token.Kind.SLASH))) {
                int before = k - 1;
                if (before >= 0 && (t.get(before).is(Token.Kind.COMMA) || t.get(before).is(Token.Kind.COLON))) {
                    before--;
                }
                if (before >= 0 && (categoryAt(before) != null || before > 0 && categoryAt(before - 1) != null)) {
                    return null; // "CR, n = 8" is a count, not the denominator
                }
                return (int) t.get(k + 2).num().value();
            }
            if (x.is(Token.Kind.NUM) || x.is(Token.Kind.PERCENT)) {
                return null;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ confidence intervals

    /** A parsed CI: its ends, level, end offset and the token after it. */
    private record Ci(Num lower, Num upper, double level, int end, int endToken) {}

    private Ci ci(int j, int b, double defaultLevel) {
        return ci(j, b, defaultLevel, false);
    }

    /**
     * A CI starting at token {@code j}: "(95% CI, 0.62 to 0.83)", "95% CI 0.62–0.83", "[0·51–0·76]", "(23%-41%)",
     * "(95%-KI: 47,1-72,4 %)", "(21.65—not applicable)"; null when there is none.
     *
     * @param inParens whether an opening bracket was already consumed (then a closing one may end it)
     */
    private Ci ci(int j, int b, double defaultLevel, boolean inParens) {
        int k = j;
        boolean open = inParens;
        if (k < b && t.get(k).is(Token.Kind.OPEN)) {
            open = true;
            k++;
        }
        if (k < b && (t.get(k).is(Token.Kind.SEMI) || t.get(k).is(Token.Kind.COMMA))) {
            k++;
        }
        double level = defaultLevel;
        boolean labelled = false;
        if (k + 1 < b && t.get(k).is(Token.Kind.NUM) && t.get(k + 1).is(Token.Kind.PERCENT)) {
            int w = k + 2;
            if (w < b && t.get(w).is(Token.Kind.DASH)) {
                w++;
            }
            if (w < b && t.get(w).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(w).word())) {
                level = t.get(k).num().value();
                labelled = true;
                k = w + 1;
            }
        } else if (k < b && t.get(k).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(k).word())) {
            labelled = true;
            k++;
        }
        if (labelled) {
            // "confidence interval [CI]", "CI:", "CI ="
            for (int guard = 0; guard < 6 && k < b; guard++) {
                Token x = t.get(k);
                if (x.isWord("interval") || x.isWord("intervals") || x.isWord("limits") || x.isWord("ci")
                        || x.is(Token.Kind.COLON) || x.is(Token.Kind.COMMA) || x.is(Token.Kind.EQ)
                        || x.is(Token.Kind.OPEN) && k + 2 < b && t.get(k + 1).isWord("ci") && t.get(k + 2).is(Token.Kind.CLOSE)
                        || x.is(Token.Kind.CLOSE) && k > 0 && t.get(k - 1).isWord("ci")) {
                    k++;
                } else {
                    break;
                }
            }
            if (k < b && t.get(k).is(Token.Kind.OPEN)) {
                open = true;
                k++;
            }
        }
        if (!(level >= 50 && level < 100) || k >= b || !t.get(k).is(Token.Kind.NUM)) {
            return null;
        }
        if (!open && !labelled) {
            return null;
        }
        Num lower = t.get(k).num();
        k++;
        if (k < b && t.get(k).is(Token.Kind.PERCENT)) {
            k++;
        }
        if (!(k < b && (t.get(k).is(Token.Kind.DASH) || t.get(k).isWord("to") || t.get(k).is(Token.Kind.COMMA)
                || t.get(k).isWord("a") || t.get(k).isWord("bis") || t.get(k).isWord("\u00e0")))) {
            return null;
        }
        k++;
        Num upper = null;
        if (k < b && t.get(k).is(Token.Kind.NUM)) {
            upper = t.get(k).num();
            k++;
        } else {
            int nr = notReached(k, b);
            if (nr == k && !(k + 1 < b && t.get(k).isWord("not") && t.get(k + 1).isWord("applicable"))) {
                return null;
            }
            k = nr == k ? k + 2 : nr;
        }
        if (k < b && t.get(k).is(Token.Kind.PERCENT)) {
            k++;
        }
        int end = t.get(k - 1).end();
        if (open && k < b && t.get(k).is(Token.Kind.CLOSE)) {
            end = t.get(k).end();
            k++;
        }
        return new Ci(lower, upper, level, end, k);
    }

    // ------------------------------------------------------------------ words

    /** The response category whose words start at token {@code i}: ORR, CR, PR, SD, PD, DCR; else null. */
    private String categoryAt(int i) {
        Token x = t.get(i);
        if (!x.is(Token.Kind.WORD)) {
            return null;
        }
        String original = text.subSequence(x.start(), x.end()).toString();
        switch (x.word()) {
            case "orr" -> {
                return "ORR";
            }
            case "dcr" -> {
                return "DCR";
            }
            case "cr", "pr", "sd", "pd" -> {
                if (!original.equals(original.toUpperCase(Locale.ROOT))) {
                    return null;
                }
                if (x.word().equals("pd") && t.has(i + 2) && t.get(i + 1).is(Token.Kind.DASH)) {
                    return null; // PD-L1, PD-1
                }
                return x.word().toUpperCase(Locale.ROOT);
            }
            case "complete" -> {
                return next(i, "response") || next(i, "responses") || next(i, "remission") ? "CR" : null;
            }
            case "partial" -> {
                return next(i, "response") || next(i, "responses") || next(i, "remission") ? "PR" : null;
            }
            case "stable" -> {
                return next(i, "disease") ? "SD" : null;
            }
            case "progressive" -> {
                return next(i, "disease") ? "PD" : null;
            }
            case "objective", "overall" -> {
                return next(i, "response") || next(i, "responses") ? "ORR" : null;
            }
            case "disease" -> {
                return next(i, "control") ? "DCR" : null;
            }
            case "response" -> {
                return next(i, "rate") && !(i > 0 && (t.get(i - 1).isWord("objective") || t.get(i - 1).isWord("overall")
                        || t.get(i - 1).isWord("complete") || t.get(i - 1).isWord("partial"))) ? "ORR" : null;
            }
            default -> {
                return null;
            }
        }
    }

    private int categoryLength(int i) {
        Token x = t.get(i);
        return x.word().length() <= 3 && !x.isWord("pd") || x.isWord("pd") ? 1 : 2;
    }

    /** The nearest response category (or SURVIVAL for a landmark survival rate) named before token {@code i}. */
    private String categoryBefore(int i, int unitStart) {
        for (int j = i - 1; j >= Math.max(unitStart, i - 10); j--) {
            if (t.get(j).is(Token.Kind.NUM) && j + 1 < i && t.get(j + 1).is(Token.Kind.PERCENT)
                    && !(j + 2 < i && t.get(j + 2).is(Token.Kind.WORD) && CI_WORDS.contains(t.get(j + 2).word()))) {
                // "35% ... versus 22%": the category of the percentage before
                for (int k = out.size() - 1; k >= 0 && out.get(k).context() == context; k--) {
                    if (out.get(k) instanceof Proportion p && p.start() <= t.get(j).start()) {
                        return p.category();
                    }
                }
                return null;
            }
            String c = categoryAt(j);
            if (c != null) {
                return c;
            }
            if (endpointAt(j) != null || t.get(j).isWord("survival")) {
                return "SURVIVAL";
            }
        }
        return null;
    }

    private String category(int a, int b) {
        for (int i = a; i < b; i++) {
            String c = categoryAt(i);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** The nearest endpoint named before token {@code i} (not before {@code from}). */
    private String endpointBefore(int i, int from) {
        for (int j = i - 1; j >= Math.max(from, i - 3 * WINDOW); j--) {
            String e = endpointAt(j);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    /** The endpoint whose name ends at token {@code j}: OS, PFS, DOR, TTP, EFS, DFS, RFS, MFS; else null. */
    private String endpointAt(int j) {
        Token x = t.get(j);
        if (!x.is(Token.Kind.WORD)) {
            return null;
        }
        String original = text.subSequence(x.start(), x.end()).toString();
        switch (x.word()) {
            case "os" -> {
                return original.equals("OS") ? "OS" : null;
            }
            case "pfs", "rpfs", "ttp", "dor", "efs", "dfs", "rfs", "mfs", "ttf", "cfs" -> {
                return x.word().equals("rpfs") ? "PFS" : x.word().toUpperCase(Locale.ROOT);
            }
            case "survival", "\u00fcberleben", "supervivencia", "survie", "sobrevida" -> {
                String before = wordBefore(j, 1);
                String before2 = wordBefore(j, 2);
                if ("free".equals(before) || "libre".equals(before2) || "livre".equals(before2)) {
                    String kind = "free".equals(before) ? before2 : wordBefore(j, 3);
                    return switch (kind == null ? "" : kind) {
                        case "progression" -> "PFS";
                        case "event" -> "EFS";
                        case "disease" -> "DFS";
                        case "relapse", "recurrence" -> "RFS";
                        case "metastasis" -> "MFS";
                        case "cancer" -> "CFS";
                        default -> "PFS";
                    };
                }
                if ("progressionsfreies".equals(before)) {
                    return "PFS";
                }
                return "OS";
            }
            case "progression" -> {
                return "time".equals(wordBefore(j, 2)) || "time".equals(wordBefore(j, 3)) ? "TTP" : null;
            }
            case "response" -> {
                return "duration".equals(wordBefore(j, 2)) ? "DOR" : null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The word {@code back} words before token {@code j} (dashes skipped), or null. */
    private String wordBefore(int j, int back) {
        int k = j;
        int seen = 0;
        while (k > 0 && seen < back) {
            k--;
            if (t.get(k).is(Token.Kind.DASH)) {
                continue;
            }
            if (!t.get(k).is(Token.Kind.WORD)) {
                return null;
            }
            seen++;
        }
        return seen == back ? t.get(k).word() : null;
    }

    private Units unitIn(int a, int b) {
        for (int i = a; i < b; i++) {
            if (t.get(i).is(Token.Kind.WORD)) {
                Units u = Units.of(t.get(i).word());
                if (u != null && !t.get(i).isWord("d")) {
                    return u;
                }
            }
        }
        return null;
    }

    /** The words of tokens [a, b), lower case, separated by one space. */
    private String words(int a, int b) {
        StringBuilder s = new StringBuilder();
        for (int i = a; i < b; i++) {
            if (t.get(i).is(Token.Kind.WORD)) {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append(t.get(i).word());
            }
        }
        return s.toString();
    }

    // ------------------------------------------------------------------ claimed CI method

    /** Characters of the text lowered at once when the phrases are looked for. */
    private static final int PIECE = 1 << 16;
    /** Most words of one clause: a text without full stops is read in clauses of this many words. */
    static final int CLAUSE_WORDS = 80;
    /** Words that make a clause about a binomial CI: a confidence interval, a proportion, a response rate. */
    private static final Set<String> CI_CONTEXT = Set.of("ci", "cis", "cl", "confidence", "interval", "intervals",
            "limits", "proportion", "proportions", "rate", "rates", "response", "responses", "orr", "orrs", "dcr",
            "percentage", "percentages");
    /** Words that make a clause about a ratio's CI, not a proportion's. */
    private static final Set<String> RATIO_CONTEXT = Set.of("hazard", "odds", "ratio", "ratios", "hr", "hrs", "rr",
            "rrs");

    /**
     * The binomial CI method the first 2 million characters of the text name, when they name exactly one. The
     * phrases: Clopper-Pearson "clopper", "exact binomial", "exact confidence", "exact 95", "exact CI", "exact
     * method"; "wilson"; "agresti"; "jeffreys"; Wald "wald confidence", "wald interval", "wald method", "wald CI",
     * "normal approximation". A phrase names the method only in a clause (the words between full stops,
     * semicolons and blank lines, at most {@value #CLAUSE_WORDS} words) about a confidence interval, a proportion
     * or a response rate ({@link #CI_CONTEXT}) and about no ratio ({@link #RATIO_CONTEXT}), and not when "test" is
     * one of the two words after it ("an exact binomial test"); "wilson" with "continuity" in its clause names
     * wilson-cc. One pass over the words; the text is lowered a piece at a time, not all at once: a copy and a
     * lowered copy of 2 million characters (8 MB with dashes) were the peak of a long scan's memory.
     */
    static String claimedCiMethod(CharSequence text) {
        int limit = Math.min(text.length(), 2_000_000);
        MethodClaims c = new MethodClaims();
        for (int from = 0; from < limit; from += PIECE) {
            c.feed(text.subSequence(from, Math.min(limit, from + PIECE)).toString().toLowerCase(Locale.ROOT));
        }
        return c.claimed();
    }

    /** The clause-by-clause reading of {@link #claimedCiMethod}, fed lowered text in pieces. */
    static final class MethodClaims {
        private final java.util.Set<String> found = new java.util.TreeSet<>();
        private final java.util.Set<String> clauseHits = new java.util.TreeSet<>();
        private final StringBuilder word = new StringBuilder();
        private String previous; // the word before, when only white space stands between them
        private boolean clean = true; // only white space since the last word
        private char last = ' ';
        // method hits awaiting their next two words (not "test"), at most two at once (a later one takes the second)
        private final String[] pending = new String[2];
        private final int[] pendingLeft = new int[2];
        private int clauseWords;
        private boolean ci;
        private boolean ratio;
        private boolean continuity;

        void feed(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isLetterOrDigit(ch)) {
                    if (word.length() < 32) {
                        word.append(ch);
                    }
                } else {
                    endWord();
                    if (!Character.isWhitespace(ch)) {
                        clean = false;
                    }
                    if (ch == ';' || Character.isWhitespace(ch) && last == '.' || ch == '\n' && last == '\n') {
                        endClause();
                    }
                }
                last = ch;
            }
        }

        String claimed() {
            endWord();
            endClause();
            return found.size() == 1 ? found.iterator().next() : null;
        }

        private void endWord() {
            if (word.length() == 0) {
                return;
            }
            String w = word.length() < 32 ? word.toString() : null;
            word.setLength(0);
            boolean test = "test".equals(w) || "tests".equals(w);
            for (int k = 0; k < pending.length; k++) {
                if (pending[k] != null && (test || --pendingLeft[k] == 0)) {
                    if (!test) {
                        clauseHits.add(pending[k]);
                    }
                    pending[k] = null;
                }
            }
            if (w != null) {
                ci |= CI_CONTEXT.contains(w);
                ratio |= RATIO_CONTEXT.contains(w);
                continuity |= w.startsWith("continuity");
                String hit = hit(clean ? previous : null, w);
                if (hit != null) {
                    int k = pending[0] == null ? 0 : 1;
                    pending[k] = hit;
                    pendingLeft[k] = 2;
                }
            }
            previous = w;
            clean = true;
            if (++clauseWords >= CLAUSE_WORDS) {
                endClause();
            }
        }

        /** The method the word {@code w} (after {@code before}) ends a phrase of, or null. */
        private static String hit(String before, String w) {
            if (w.startsWith("clopper")) {
                return "clopper-pearson";
            }
            if (w.startsWith("wilson")) {
                return "wilson";
            }
            if (w.startsWith("agresti")) {
                return "agresti-coull";
            }
            if (w.startsWith("jeffreys")) {
                return "jeffreys";
            }
            if ("exact".equals(before) && (w.equals("binomial") || w.equals("confidence") || w.equals("95")
                    || w.equals("ci") || w.equals("cis") || w.equals("method"))) {
                return "clopper-pearson";
            }
            if ("wald".equals(before) && (w.equals("confidence") || w.startsWith("interval") || w.equals("method")
                    || w.equals("ci") || w.equals("cis"))) {
                return "wald";
            }
            if ("normal".equals(before) && w.equals("approximation")) {
                return "wald";
            }
            return null;
        }

        private void endClause() {
            for (int k = 0; k < pending.length; k++) {
                if (pending[k] != null) {
                    clauseHits.add(pending[k]);
                    pending[k] = null;
                }
            }
            if (ci && !ratio) {
                for (String m : clauseHits) {
                    found.add(m.equals("wilson") && continuity ? "wilson-cc" : m);
                }
            }
            clauseHits.clear();
            clauseWords = 0;
            ci = false;
            ratio = false;
            continuity = false;
            previous = null;
        }
    }
}
