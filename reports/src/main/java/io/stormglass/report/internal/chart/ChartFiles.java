package io.stormglass.report.internal.chart;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.text.TextUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a chart as PNG at twice its layout size (sharp on high-density screens) and as SVG through
 * Apache Batik's {@code SVGGraphics2D} (text kept as text, so it stays searchable). Both need
 * {@code java.awt.headless=true} on machines without a display, which {@link #headless()} sets.
 */
public final class ChartFiles {
    /** PNG pixels per layout pixel. */
    public static final int PNG_SCALE = 2;
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private ChartFiles() {
    }

    /**
     * Makes AWT headless unless a caller already decided, and has JFreeChart draw rotated text with
     * {@code drawString} (its old JDK-bug workaround draws a {@code TextLayout}, which Batik turns
     * into outlines, so vertical axis labels would not be text in the SVG). Call before the first
     * chart is built.
     */
    public static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    public static void writePng(ChartSpec spec, Path file) throws IOException {
        int w = spec.widthPx();
        int h = spec.heightPx();
        BufferedImage image = new BufferedImage(w * PNG_SCALE, h * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(PNG_SCALE, PNG_SCALE);
            spec.chart().draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        }
    }

    public static void writeSvg(ChartSpec spec, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            streamSvg(spec, out);
        }
    }

    /** The chart as an {@code <svg>} element, for pages that carry their charts inline. */
    public static String svgText(ChartSpec spec) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            streamSvg(spec, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void streamSvg(ChartSpec spec, Writer out) throws IOException {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("Stormglass chart: " + spec.fileStem());
        context.setEmbeddedFontsOn(false);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(spec.widthPx(), spec.heightPx()));
        spec.chart().draw(g, new Rectangle2D.Double(0, 0, spec.widthPx(), spec.heightPx()));
        Element root = g.getRoot();
        // a viewBox lets the browser scale the drawing to the width the page gives it
        root.setAttributeNS(null, "viewBox", "0 0 " + spec.widthPx() + " " + spec.heightPx());
        try {
            g.stream(root, out, true, false);
        } finally {
            g.dispose();
        }
    }
}
