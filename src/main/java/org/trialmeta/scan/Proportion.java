package org.trialmeta.scan;

/**
 * A proportion as printed: "25/57 (44%)", "44% (95% CI 31–58)", "98 (23)" in an "n (%)" table, "CR, n = 8".
 *
 * @param start     span start
 * @param end       span end
 * @param context   sentence or table row
 * @param column    table column, or -1
 * @param table     the table it stands in (numbered from 0 in reading order), or -1 in running text
 * @param category  response category it reports (ORR, CR, PR, SD, PD, DCR), or null
 * @param count     responders (k), when printed
 * @param percent   the percentage, when printed as a number
 * @param n         the denominator, when printed with it or given by its sentence, row or column
 * @param lower     CI lower end, when printed
 * @param upper     CI upper end, when printed
 * @param level     CI level in percent (95 unless printed otherwise)
 */
public record Proportion(int start, int end, int context, int column, int table, String category, Integer count, Num percent,
        Integer n, Num lower, Num upper, double level) implements Statistic {

    /** The same proportion with a denominator. */
    Proportion withN(Integer value) {
        return new Proportion(start, end, context, column, table, category, count, percent, value, lower, upper, level);
    }

    /** The same proportion with a count merged in (a "No. of patients" row above a "% (95% CI)" row). */
    Proportion withCount(Integer value) {
        return new Proportion(start, end, context, column, table, category, value, percent, n, lower, upper, level);
    }
}
