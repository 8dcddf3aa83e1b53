package io.stormglass.report.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The explorer page: a template with the vendored uPlot (MIT licence, {@code uPlot.LICENSE} beside
 * it in the resources, 1.6.31 from npm's {@code uplot} package), the page's own script and style,
 * and the run's data inlined, so the page opens from the file system and makes no request.
 */
final class ExplorerPage {
    private static final String BASE = "/io/stormglass/report/explorer/";

    private ExplorerPage() {
    }

    private static final String DATA_ELEMENT = "<script id=\"explorer-data\" type=\"application/json\">";

    /**
     * The explorer data a page {@link #render rendered} carries, as it was given; or null if {@code html}
     * is no explorer page.
     */
    static String dataOf(String html) {
        int open = html.indexOf(DATA_ELEMENT);
        int close = open < 0 ? -1 : html.indexOf("</script>", open);
        return close < 0 ? null : html.substring(open + DATA_ELEMENT.length(), close).replace("<\\/", "</");
    }

    /** The page with {@code json} (the explorer data) inlined. */
    static String render(String json) {
        String template = resource("explorer.html");
        // "</" inside a script element would end it; JSON.parse reads "<\/" as "</"
        String safeJson = json.replace("</", "<\\/");
        return template
                .replace("/*UPLOT_CSS*/", resource("uPlot.min.css"))
                .replace("/*APP_CSS*/", resource("explorer.css"))
                .replace("/*UPLOT_JS*/", resource("uPlot.iife.min.js"))
                .replace("/*APP_JS*/", resource("explorer.js"))
                .replace("/*DATA*/", safeJson);
    }

    private static String resource(String name) {
        try (InputStream in = ExplorerPage.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
