package org.repgap.runs;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.repgap.InvalidInputException;

/**
 * Arithmetic over table columns for {@code --derive} and {@code --where}, parsed by recursive descent:
 * <pre>
 *   expr       := or
 *   or         := and ('||' and)*
 *   and        := comparison ('&amp;&amp;' comparison)*
 *   comparison := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum)?
 *   sum        := product (('+' | '-') product)*
 *   product    := unary (('*' | '/') unary)*
 *   unary      := '-' unary | '+' unary | power
 *   power      := primary ('^' unary)?          (right-associative: 2^3^2 = 2^9)
 *   primary    := number | name | name '(' expr ')' | '(' expr ')'
 * </pre>
 * A name is a column: written in backquotes ({@code `Model Size`}), double quotes, or bare, in which
 * case it runs up to the next operator or parenthesis and may contain spaces
 * ({@code Training FLOP/(6*Model Size)}). Functions: {@code log} (natural), {@code log10}, {@code exp},
 * {@code sqrt}, {@code abs}. Comparisons and logic give 1 (true) or 0 (false); any NaN operand of a
 * comparison gives false.
 */
public final class Expression {
    private final String text;
    private final Node root;
    private final Set<String> names;

    private interface Node {
        double eval(ToDoubleFunction<String> vars);
    }

    private Expression(String text, Node root, Set<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    /** Parses {@code text}; errors name the option, the position and what was expected. */
    public static Expression parse(String text, String option) {
        Parser p = new Parser(text, option);
        Node n = p.parseOr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return new Expression(text, n, Set.copyOf(p.names));
    }

    /** The column names used. */
    public Set<String> names() {
        return names;
    }

    /** Evaluates with the given column values. */
    public double evaluate(ToDoubleFunction<String> vars) {
        return root.eval(vars);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private final String option;
        private int pos;
        private final Set<String> names = new LinkedHashSet<>();

        Parser(String s, String option) {
            this.s = s;
            this.option = option;
        }

        InvalidInputException error(String what) {
            return InvalidInputException.of("%s '%s': %s at position %d", option, s, what, pos + 1);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean accept(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node parseOr() {
            Node left = parseAnd();
            while (accept("||")) {
                Node l = left;
                Node r = parseAnd();
                left = v -> (l.eval(v) != 0 || r.eval(v) != 0) ? 1 : 0;
            }
            return left;
        }

        Node parseAnd() {
            Node left = parseComparison();
            while (accept("&&")) {
                Node l = left;
                Node r = parseComparison();
                left = v -> (l.eval(v) != 0 && r.eval(v) != 0) ? 1 : 0;
            }
            return left;
        }

        Node parseComparison() {
            Node left = parseSum();
            for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">", "="}) {
                if (accept(op)) {
                    Node l = left;
                    Node r = parseSum();
                    return switch (op) {
                        case "<=" -> v -> l.eval(v) <= r.eval(v) ? 1 : 0;
                        case ">=" -> v -> l.eval(v) >= r.eval(v) ? 1 : 0;
                        case "==", "=" -> v -> l.eval(v) == r.eval(v) ? 1 : 0;
                        case "!=" -> v -> {
                            double a = l.eval(v);
                            double b = r.eval(v);
                            return !Double.isNaN(a) && !Double.isNaN(b) && a != b ? 1 : 0;
                        };
                        case "<" -> v -> l.eval(v) < r.eval(v) ? 1 : 0;
                        default -> v -> l.eval(v) > r.eval(v) ? 1 : 0;
                    };
                }
            }
            return left;
        }

        Node parseSum() {
            Node left = parseProduct();
            while (true) {
                if (accept("+")) {
                    Node l = left;
                    Node r = parseProduct();
                    left = v -> l.eval(v) + r.eval(v);
                } else if (accept("-")) {
                    Node l = left;
                    Node r = parseProduct();
                    left = v -> l.eval(v) - r.eval(v);
                } else {
                    return left;
                }
            }
        }

        Node parseProduct() {
            Node left = parseUnary();
            while (true) {
                if (accept("*")) {
                    Node l = left;
                    Node r = parseUnary();
                    left = v -> l.eval(v) * r.eval(v);
                } else if (accept("/")) {
                    Node l = left;
                    Node r = parseUnary();
                    left = v -> l.eval(v) / r.eval(v);
                } else {
                    return left;
                }
            }
        }

        Node parseUnary() {
            if (accept("-")) {
                Node n = parseUnary();
                return v -> -n.eval(v);
            }
            if (accept("+")) {
                return parseUnary();
            }
            return parsePower();
        }

        Node parsePower() {
            Node base = parsePrimary();
            if (accept("^")) {
                Node e = parseUnary();
                return v -> Math.pow(base.eval(v), e.eval(v));
            }
            return base;
        }

        Node parsePrimary() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("expected a number, a column name or '(' but the expression ended");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = parseOr();
                if (!accept(")")) {
                    throw error("expected ')'");
                }
                return n;
            }
            if (Character.isDigit(c) || (c == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1)))) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                String num = s.substring(start, pos);
                double value;
                try {
                    value = Double.parseDouble(num);
                } catch (NumberFormatException e) {
                    throw error("malformed number '" + num + "'");
                }
                return v -> value;
            }
            if (c == '`' || c == '"') {
                int end = s.indexOf(c, pos + 1);
                if (end < 0) {
                    throw error("unterminated " + (c == '`' ? "backquoted" : "quoted") + " name");
                }
                String name = s.substring(pos + 1, end);
                pos = end + 1;
                return column(name);
            }
            int start = pos;
            while (pos < s.length() && "+-*/^()<>=!&|`\",".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            String name = s.substring(start, pos).trim();
            if (name.isEmpty()) {
                throw error("expected a number, a column name or '('");
            }
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '(' && isFunction(name)) {
                pos++;
                Node arg = parseOr();
                if (!accept(")")) {
                    throw error("expected ')' after the argument of " + name);
                }
                return function(name, arg);
            }
            return column(name);
        }

        private static boolean isFunction(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "log", "ln", "log10", "exp", "sqrt", "abs" -> true;
                default -> false;
            };
        }

        private static Node function(String name, Node arg) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "log", "ln" -> v -> Math.log(arg.eval(v));
                case "log10" -> v -> Math.log10(arg.eval(v));
                case "exp" -> v -> Math.exp(arg.eval(v));
                case "sqrt" -> v -> Math.sqrt(arg.eval(v));
                default -> v -> Math.abs(arg.eval(v));
            };
        }

        private Node column(String name) {
            names.add(name);
            return v -> v.applyAsDouble(name);
        }
    }
}
