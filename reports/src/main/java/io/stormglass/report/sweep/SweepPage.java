package io.stormglass.report.sweep;

import io.stormglass.report.internal.html.Html;
import io.stormglass.report.output.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * {@code sweep-report.html}: one self-contained page (charts embedded as PNG data, with links to
 * the SVG files beside it) that parses as XML. Build it top to bottom, then {@link #write}.
 */
public final class SweepPage {
    private static final String STYLE = "body{font-family:sans-serif;max-width:1150px;margin:2em auto;padding:0 1em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0;font-size:13px}th,td{border:1px solid #ccc;padding:3px 7px;"
            + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
            + "figure{margin:1.5em 0}img{max-width:100%}figcaption{color:#555;font-size:13px}"
            + ".advice{background:#f5f9ff;border-left:4px solid #1f77b4;padding:.6em 1em}";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    public SweepPage(String title) {
        this.title = title;
    }

    public SweepPage heading(String text) {
        body.append("<h2>").append(Html.escape(text)).append("</h2>\n");
        return this;
    }

    public SweepPage paragraph(String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** A highlighted paragraph (the recommendation). */
    public SweepPage advice(String text) {
        body.append("<p class=\"advice\">").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    public SweepPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(Html.escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(Html.escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** Embeds {@code chart}'s PNG from {@code dir} and links its SVG. */
    public SweepPage chart(Path dir, ChartFile chart) throws IOException {
        String png = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(chart.pngName())));
        body.append("<figure><img alt=\"").append(Html.escape(chart.title())).append("\" src=\"data:image/png;base64,")
                .append(png).append("\"/><figcaption>").append(Html.escape(chart.caption())).append(" (<a href=\"")
                .append(Html.escape(chart.svgName())).append("\">SVG</a>)</figcaption></figure>\n");
        return this;
    }

    /** Writes the page to {@code file} atomically (a reader never sees half a page). */
    public void write(Path file) throws IOException {
        String page = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\"/>\n<title>" + Html.escape(title) + "</title>\n<style>" + STYLE + "</style>\n"
                + "</head>\n<body>\n<h1>" + Html.escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
        AtomicFile.writeString(file, page);
    }
}
