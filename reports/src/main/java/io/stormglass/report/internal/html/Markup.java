package io.stormglass.report.internal.html;

import java.util.List;

/** A small builder of XHTML-compatible markup: every text argument is escaped, every tag closed. */
final class Markup {
    private final StringBuilder out = new StringBuilder(64 * 1024);

    Markup raw(String markup) {
        out.append(markup);
        return this;
    }

    Markup text(String text) {
        out.append(Html.escape(text));
        return this;
    }

    /** {@code <tag>text</tag>} with the text escaped. */
    Markup el(String tag, String text) {
        return open(tag).text(text).close(tag);
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped. */
    Markup el(String tag, String cls, String text) {
        return open(tag, cls).text(text).close(tag);
    }

    Markup open(String tag) {
        out.append('<').append(tag).append('>');
        return this;
    }

    Markup open(String tag, String cls) {
        out.append('<').append(tag).append(" class=\"").append(Html.escape(cls)).append("\">");
        return this;
    }

    Markup close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <a href="...">text</a>}. */
    Markup link(String href, String text) {
        out.append("<a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(text)).append("</a>");
        return this;
    }

    /** A table with a header row and body rows; {@code numeric[i]} right-aligns column {@code i}. */
    Markup table(List<String> header, List<List<String>> rows, boolean... numeric) {
        open("table").open("thead").open("tr");
        for (int i = 0; i < header.size(); i++) {
            cell("th", header.get(i), i < numeric.length && numeric[i]);
        }
        close("tr").close("thead").open("tbody");
        for (List<String> row : rows) {
            open("tr");
            for (int i = 0; i < row.size(); i++) {
                cell("td", row.get(i), i < numeric.length && numeric[i]);
            }
            close("tr");
        }
        return close("tbody").close("table");
    }

    private void cell(String tag, String text, boolean numeric) {
        if (numeric) {
            open(tag, "num");
        } else {
            open(tag);
        }
        text(text).close(tag);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
