package org.tributary.itests.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * One comparison of Tributary with a reference server in the same run, the same load tool against both:
 * the CPU of each (mean over their turns) and the ratio the targets are stated in.
 *
 * @param target what is compared, e.g. "2: RTSP file viewers, UDP"
 * @param clients viewers or listeners
 * @param reference the reference server's name
 * @param tributaryCpu Tributary's CPU per turn, in % of one core
 * @param referenceCpu the reference server's CPU per turn
 * @param tributaryLoss Tributary's worst loss (or lost listeners) over its turns, as text
 * @param referenceLoss the same for the reference
 * @param toolCpu the load tool's CPU, lowest and highest over all turns, in % of one core
 * @param loadAverage the 1-minute load average at the end
 */
record SideBySide(String target, int clients, String reference, double[] tributaryCpu, double[] referenceCpu,
        String tributaryLoss, String referenceLoss, double[] toolCpu, String loadAverage) {

    static final List<String> HEADER = List.of(
            "| target | clients | Tributary CPU (% of one core) | reference | reference CPU | ratio | loss Tributary "
                    + "/ reference | tool CPU | load average |",
            "|---|---:|---:|---|---:|---:|---|---:|---:|");

    /** Returns Tributary's mean CPU divided by the reference's (NaN when the reference used none). */
    double ratio() {
        double reference = mean(referenceCpu);
        return reference > 0 ? mean(tributaryCpu) / reference : Double.NaN;
    }

    /** Returns this comparison as one Markdown row. */
    String row() {
        return String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.2fx | %s / %s | %.1f–%.1f %% | %s |", target,
                clients, turns(tributaryCpu), reference, turns(referenceCpu), ratio(), tributaryLoss, referenceLoss,
                DoubleStream.of(toolCpu).min().orElse(0), DoubleStream.of(toolCpu).max().orElse(0), loadAverage);
    }

    private static double mean(double[] values) {
        return DoubleStream.of(values).average().orElse(Double.NaN);
    }

    /** "12.3 %" for one turn, "12.3 % (11.0 / 13.6)" for several. */
    private static String turns(double[] values) {
        String mean = String.format(Locale.ROOT, "%.1f %%", mean(values));
        if (values.length < 2) {
            return mean;
        }
        StringBuilder each = new StringBuilder();
        for (double value : values) {
            each.append(each.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.1f", value));
        }
        return mean + " (" + each + ")";
    }
}
