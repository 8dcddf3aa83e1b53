package io.stormglass.cli;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.raft.client.Operation;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A self-contained HTML page showing a linearizability witness as a timeline, one lane per client. */
final class WitnessHtml {
    private static final int LANE_PX = 46;
    private static final int WIDTH_PX = 1000;
    private static final int LEFT_PX = 90;

    private WitnessHtml() {
    }

    static String render(CheckResult.NotLinearizable bad) {
        List<Operation> ops = bad.witness();
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (Operation op : ops) {
            t0 = Math.min(t0, op.invokeNanos());
            t1 = Math.max(t1, op.completeNanos() == Long.MAX_VALUE ? op.invokeNanos() : op.completeNanos());
        }
        double span = Math.max(1, t1 - t0) * 1.15;
        List<Integer> clients = List.copyOf(new TreeSet<>(ops.stream().map(Operation::client).toList()));
        StringBuilder svg = new StringBuilder();
        int height = clients.size() * LANE_PX + 30;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">%n",
                WIDTH_PX + LEFT_PX + 20, height));
        for (int lane = 0; lane < clients.size(); lane++) {
            int y = 20 + lane * LANE_PX;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"13\">client %d</text>%n", y + 20, clients.get(lane)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    LEFT_PX, y + LANE_PX - 6, LEFT_PX + WIDTH_PX, y + LANE_PX - 6));
        }
        for (Operation op : ops) {
            int lane = clients.indexOf(op.client());
            int y = 24 + lane * LANE_PX;
            double x0 = LEFT_PX + (op.invokeNanos() - t0) / span * WIDTH_PX;
            boolean open = op.completeNanos() == Long.MAX_VALUE;
            double x1 = open ? LEFT_PX + WIDTH_PX : LEFT_PX + (op.completeNanos() - t0) / span * WIDTH_PX;
            String fill = switch (op.kind()) {
                case READ -> "#cfe3ff";
                case WRITE -> "#ffe2b8";
                case CAS -> "#e4d4ff";
                case DELETE -> "#f5c7c7";
            };
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"22\" rx=\"4\" fill=\"%s\" stroke=\"#555\"%s/>%n",
                    x0, y, Math.max(2, x1 - x0), fill, open ? " stroke-dasharray=\"4 3\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>%n",
                    x0 + 4, y + 15, escape(label(op))));
        }
        svg.append("</svg>");
        StringBuilder list = new StringBuilder();
        for (Operation op : ops) {
            list.append("<li><code>").append(escape(op.describe())).append("</code></li>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>" + io.stormglass.report.output.OutputMarker.HTML_META
                + "<title>Linearizability violation</title>"
                + "<style>body{font-family:sans-serif;margin:24px;color:#222}code{font-size:13px}</style></head><body>\n"
                + "<h1>Not linearizable: key \"" + escape(bad.key()) + "\"</h1>\n"
                + "<p>No order of these " + ops.size() + " operations, each taking effect at one instant inside its bar, "
                + "explains the values they returned. Dashed bars never completed (outcome unknown).</p>\n"
                + svg + "\n<ol>\n" + list + "</ol>\n</body></html>\n";
    }

    private static String label(Operation op) {
        return switch (op.kind()) {
            case READ -> "read → " + show(op.value());
            case WRITE -> "write " + show(op.value());
            case CAS -> "cas " + show(op.expected()) + "→" + show(op.value()) + (op.outcome() == Operation.Outcome.OK ? (op.casSucceeded() ? " ok" : " failed") : "");
            case DELETE -> "delete";
        };
    }

    private static String show(String v) {
        return v == null ? "nil" : v;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
