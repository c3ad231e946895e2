package org.repgap.io;

/**
 * The toolkit's one way of writing CSV cells ({@code docs/results.md}): numbers as the shortest
 * decimal text that reads back to the same {@code double} ({@link Double#toString}, so a CSV holds
 * exactly the values of the JSON), undefined numbers ({@code null}, NaN, infinite) as an empty cell,
 * and text quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
 *
 * <pre>{@code
 * Csv.number(0.1);          // "0.1"
 * Csv.number(null);         // ""
 * Csv.text("a,b");          // "\"a,b\""
 * }</pre>
 */
public final class Csv {

    private Csv() {
    }

    /** A number cell: the round-trip decimal text of {@code v}, empty when undefined. */
    public static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "" : Double.toString(v);
    }

    /** A text cell, quoted (quotes doubled) when it holds a comma, a quote, a CR or a LF. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
