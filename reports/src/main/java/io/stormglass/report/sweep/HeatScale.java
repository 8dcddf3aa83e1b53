package io.stormglass.report.sweep;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * Light-to-dark sequential colours (the ends of matplotlib's "YlOrRd"), so that "bad" reads as dark
 * red whichever direction is bad; missing values (NaN) are light grey.
 */
final class HeatScale implements PaintScale, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Color[] STOPS = {new Color(0xffffcc), new Color(0xfed976), new Color(0xfd8d3c),
        new Color(0xe31a1c), new Color(0x800026)};
    private static final Color MISSING = new Color(0xe6e6e6);

    private final double lo;
    private final double hi;
    private final boolean lowIsGood;

    HeatScale(double lo, double hi, boolean lowIsGood) {
        this.lo = lo;
        this.hi = hi;
        this.lowIsGood = lowIsGood;
    }

    @Override
    public double getLowerBound() {
        return lo;
    }

    @Override
    public double getUpperBound() {
        return hi > lo ? hi : lo + 1;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        return colour(badness(value));
    }

    /** Black on light cells, white on dark ones. */
    Color textOn(double value) {
        return badness(value) > 0.6 ? Color.WHITE : Color.BLACK;
    }

    private double badness(double value) {
        double f = hi > lo ? (value - lo) / (hi - lo) : 0;
        f = Math.max(0, Math.min(1, f));
        return lowIsGood ? f : 1 - f;
    }

    private static Color colour(double f) {
        double pos = f * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(pos));
        double t = pos - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
