package org.repgap.plots;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.repgap.InvalidInputException;

/**
 * A figure's size in PostScript points (72 per inch), the unit of PDF pages, of LaTeX's {@code bp}
 * and of XChart's coordinates. A 3.25 in column is 234 pt; {@code \includegraphics} of a figure made
 * at the column width needs no scaling, so its 8 pt labels print at 8 pt.
 *
 * @param widthPt  width in points, positive and finite
 * @param heightPt height in points, positive and finite
 */
public record FigureSize(double widthPt, double heightPt) {
    /** Points per inch. */
    public static final double PT_PER_IN = 72.0;
    /** Points per centimetre. */
    public static final double PT_PER_CM = 72.0 / 2.54;
    /** One column of a two-column paper: 3.25 in wide, 2.4 in high. */
    public static final FigureSize SINGLE_COLUMN = inches(3.25, 2.4);
    /** Both columns of a two-column paper: 6.75 in wide, 2.6 in high (a row of panels). */
    public static final FigureSize DOUBLE_COLUMN = inches(6.75, 2.6);
    /** A 16:9 slide body: 8 in by 4.5 in. */
    public static final FigureSize SLIDE = inches(8.0, 4.5);
    /** A notebook cell: 6 in by 4 in. */
    public static final FigureSize NOTEBOOK = inches(6.0, 4.0);

    private static final Pattern LENGTH = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(in|cm|mm|pt)?\\s*");

    public FigureSize {
        if (!(widthPt > 0 && widthPt < 1e5 && heightPt > 0 && heightPt < 1e5)) {
            throw InvalidInputException.of("figure size: width and height must be in (0, 100000) pt, got %s x %s",
                    widthPt, heightPt);
        }
    }

    /** A size given in inches. */
    public static FigureSize inches(double width, double height) {
        return new FigureSize(width * PT_PER_IN, height * PT_PER_IN);
    }

    /** A size given in centimetres. */
    public static FigureSize centimetres(double width, double height) {
        return new FigureSize(width * PT_PER_CM, height * PT_PER_CM);
    }

    /** Width in inches. */
    public double widthIn() {
        return widthPt / PT_PER_IN;
    }

    /** Height in inches. */
    public double heightIn() {
        return heightPt / PT_PER_IN;
    }

    /** This size with another width, the height kept. */
    public FigureSize withWidthPt(double w) {
        return new FigureSize(w, heightPt);
    }

    /** This size with another height, the width kept. */
    public FigureSize withHeightPt(double h) {
        return new FigureSize(widthPt, h);
    }

    /**
     * Parses a width preset ({@code single} = 3.25 in, {@code double} = 6.75 in, {@code slide} = 8 in)
     * or a length with unit: {@code 3.25in}, {@code 8.5cm}, {@code 85mm}, {@code 234pt}. A bare number
     * is in inches.
     *
     * @param option the option name, for the error message
     * @return the length in points
     */
    public static double parseLength(String text, String option) {
        if (text == null) {
            throw InvalidInputException.of("%s: missing length", option);
        }
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "single":
            case "column":
                return SINGLE_COLUMN.widthPt;
            case "double":
            case "page":
                return DOUBLE_COLUMN.widthPt;
            case "slide":
                return SLIDE.widthPt;
            default:
                break;
        }
        Matcher m = LENGTH.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw InvalidInputException.of(
                    "%s: cannot read length '%s'; expected a number with unit in, cm, mm or pt (e.g. 3.25in, 8.5cm),"
                            + " or single, double, slide", option, text);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "in" : m.group(2);
        double pt;
        switch (unit) {
            case "cm":
                pt = v * PT_PER_CM;
                break;
            case "mm":
                pt = v * PT_PER_CM / 10;
                break;
            case "pt":
                pt = v;
                break;
            default:
                pt = v * PT_PER_IN;
                break;
        }
        if (!(pt >= 36 && pt <= 7200)) {
            throw InvalidInputException.of("%s: length '%s' is %.1f pt; expected between 0.5 in and 100 in", option, text, pt);
        }
        return pt;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3gin x %.3gin", widthIn(), heightIn());
    }
}
