package org.repgap.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command-line flags of the benchmark harnesses: {@code --name=value} and bare {@code --switch}, each
 * checked against the harness's known names (an unknown or malformed flag fails with the list of known ones).
 */
public final class Flags {
    private final Map<String, String> values;
    private final Set<String> switches;

    private Flags(Map<String, String> values, Set<String> switches) {
        this.values = values;
        this.switches = switches;
    }

    /**
     * @param valued names that take a value ({@code "n"} for {@code --n=20000})
     * @param bare   names of switches without a value ({@code "no-python"})
     */
    public static Flags parse(String[] args, Set<String> valued, Set<String> bare) {
        Map<String, String> values = new HashMap<>();
        Set<String> on = new HashSet<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = a.startsWith("--") ? a.substring(2, eq < 0 ? a.length() : eq) : "";
            if (eq >= 0 && valued.contains(name)) {
                values.put(name, a.substring(eq + 1));
            } else if (eq < 0 && bare.contains(name)) {
                on.add(name);
            } else {
                Set<String> known = new TreeSet<>();
                valued.forEach(v -> known.add("--" + v + "="));
                bare.forEach(b -> known.add("--" + b));
                throw new IllegalArgumentException("unknown option " + a + " (known: " + String.join(" ", known) + ")");
            }
        }
        return new Flags(values, on);
    }

    public String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public int getInt(String name, int otherwise) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
    }

    public long getLong(String name, long otherwise) {
        return values.containsKey(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    public Path getPath(String name, Path otherwise) {
        return values.containsKey(name) ? Path.of(values.get(name)) : otherwise;
    }

    /** Whether the bare switch {@code --name} was given. */
    public boolean has(String name) {
        return switches.contains(name);
    }
}
