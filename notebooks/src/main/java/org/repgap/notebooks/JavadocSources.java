package org.repgap.notebooks;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Javadoc for {@link CellEvaluator#inspect}: JShell's {@link SourceCodeAnalysis#documentation} finds the
 * declarations at a cursor and their signatures from the class path, but reads Javadoc text only from the
 * JDK's {@code lib/src.zip}. JDK 17 has no public way to add source roots, so the roots are handed to the
 * private static field {@code SourceCodeAnalysisImpl.availableSourcesOverride} (the hook JShell's own
 * tests use), which needs {@code --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED} (the installed kernel
 * spec passes it). Without it, or without sources, inspect still shows the signatures.
 */
final class JavadocSources {
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|link|linkplain|literal|value)\\s+([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    /**
     * The end of the first sentence, as {@link java.text.BreakIterator} finds it: a period followed by white
     * space and a capital letter, or by the end (so "e.g. power" does not end it).
     */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s+[A-Z]|\\s*$)");

    private JavadocSources() {
    }

    /**
     * Hands {@code roots} (plus the JDK's {@code src.zip} if it exists, which the override would otherwise hide)
     * to JShell's Javadoc lookup. The setting is per JVM: the last evaluator created wins.
     *
     * @return whether JShell accepted them (false without sources or without the {@code --add-opens})
     */
    static boolean install(List<Path> roots) {
        List<Path> existing = new ArrayList<>();
        for (Path p : roots) {
            if (Files.exists(p)) {
                existing.add(p.toAbsolutePath());
            }
        }
        if (existing.isEmpty()) {
            return false;
        }
        Path home = Path.of(System.getProperty("java.home"));
        for (Path zip : List.of(home.resolve("lib").resolve("src.zip"), home.resolveSibling("src.zip"))) {
            if (Files.isReadable(zip)) {
                existing.add(zip);
                break;
            }
        }
        try {
            Field f = Class.forName("jdk.jshell.SourceCodeAnalysisImpl").getDeclaredField("availableSourcesOverride");
            f.setAccessible(true);
            f.set(null, List.copyOf(existing));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // InaccessibleObjectException without --add-opens: signatures only
        }
    }

    /**
     * The declarations at {@code cursor}. JShell answers on a name that ends the code, or inside a call's
     * parentheses; so the cursor is moved to the end of the name it is in and the code cut there, and on a
     * method name the call is opened ({@code name(}): shift-tab on {@code Laws.power} shows {@code power()}.
     */
    static List<SourceCodeAnalysis.Documentation> documentation(SourceCodeAnalysis analysis, String code, int cursor) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, true);
        if (!docs.isEmpty()) {
            return docs;
        }
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++; // the cursor inside a name: ask at its end
        }
        // JShell answers on a name only when it ends the code: ask with the code cut after the name
        String head = code.substring(0, end);
        if (end > at || end < code.length()) {
            docs = analysis.documentation(head, end, true);
        }
        if (!docs.isEmpty() || end == 0 || !Character.isJavaIdentifierPart(code.charAt(end - 1))) {
            return docs;
        }
        String opened = head + "(";
        docs = analysis.documentation(opened, opened.length(), true);
        if (!docs.isEmpty()) {
            return docs;
        }
        // a type name where the statement around it cannot stand cut (var x = pkg.Type): ask on the dotted name alone
        int start = end;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '.')) {
            start--;
        }
        return start == 0 ? docs : analysis.documentation(head.substring(start), end - start, true);
    }

    /** The first sentence of a Javadoc comment, inline tags and HTML removed; empty if there is none. */
    static String summary(String javadoc) {
        String d = description(javadoc);
        if (d.isEmpty()) {
            return d;
        }
        String flat = d.replaceAll("\\s+", " ");
        Matcher m = SENTENCE_END.matcher(flat);
        return m.find() ? flat.substring(0, m.start() + 1) : flat;
    }

    /** {@code {@code x}} as {@code x}; {@code {@link Type#member label}} as its label, else as {@code Type.member}. */
    private static String inline(String tag, String body) {
        if (!tag.startsWith("link")) {
            return body;
        }
        int space = body.indexOf(' ');
        String ref = space < 0 ? body : body.substring(0, space);
        return space < 0 ? (ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.')) : body.substring(space + 1).strip();
    }

    /** A Javadoc comment's main description (text before the first block tag), inline tags and HTML removed. */
    static String description(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : javadoc.strip().split("\n")) {
            if (line.strip().startsWith("@")) {
                break;
            }
            b.append(line.strip()).append('\n');
        }
        String text = INLINE_TAG.matcher(b.toString()).replaceAll(r -> Matcher.quoteReplacement(inline(r.group(1), r.group(2).strip())));
        return HTML_TAG.matcher(text).replaceAll("").strip();
    }
}
