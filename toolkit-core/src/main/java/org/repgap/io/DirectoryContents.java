package org.repgap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a directory holds, in a few words for an error message: a directory given where a file (or another
 * layout) was expected is refused naming what is there, so that the user sees at once which file they meant.
 */
public final class DirectoryContents {

    /** Entries named in {@link #describe}; the rest are counted. */
    static final int NAMED = 5;

    private DirectoryContents() {
    }

    /**
     * {@code "empty"}, or the number of entries and the first {@value #NAMED} names in name order (directories with a
     * trailing {@code /}), e.g. {@code "3 entries: a.npy, notes.txt, runs/"}; {@code "unreadable"} when it cannot be
     * listed.
     */
    public static String describe(Path dir) {
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        } catch (IOException | SecurityException e) {
            return "unreadable";
        }
        if (names.isEmpty()) {
            return "empty";
        }
        String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        return String.format(Locale.ROOT, "%d %s: %s%s", names.size(), names.size() == 1 ? "entry" : "entries", shown,
                names.size() > NAMED ? ", ..." : "");
    }
}
