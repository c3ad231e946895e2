package org.repgap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.repgap.InvalidInputException;
import org.repgap.io.AtomicFiles;

/** Where a command's result goes: stdout, or a file written atomically (no partial file on failure). */
final class Output {
    private Output() {
    }

    /** Formats shared by the analysis commands. */
    enum Format { text, json, csv }

    /** The checks of {@link #checkFile} for a command's {@code --output} and {@code --plot} files (each may be null). */
    static void checkOutputs(Path input, Path output, Path plot) {
        checkFile("--output", output, input);
        checkFile("--plot", plot, input);
    }

    /** The checks of {@link #checkDirectory} for a run directory and of {@link #checkFile} for its {@code --plot} file. */
    static void checkRunDirectory(Path input, String option, Path dir, Path plot) {
        checkDirectory(option, dir, input);
        checkFile("--plot", plot, input);
    }

    /**
     * Refuses, before any work is done, an output file that would replace the input: the same path, or
     * another name of the same file (relative path, symbolic link, hard link: {@link Files#isSameFile}
     * when both exist), or a file inside an input directory (a run directory is read as a whole), and one that
     * cannot be written ({@link AtomicFiles#checkWritable}: a directory, no such place, no permission).
     *
     * @param option the output's option, for the message ({@code --output}, {@code --plot})
     * @param target the output file; nothing is checked when {@code null}
     * @param input  the {@code --input} file or directory; {@code null} when the data are generated
     */
    static void checkFile(String option, Path target, Path input) {
        if (target == null) {
            return;
        }
        try {
            AtomicFiles.checkWritable(target);
        } catch (IOException e) {
            throw InvalidInputException.of("%s %s: cannot be written: %s", option, target, e.getMessage());
        }
        if (input == null) {
            return;
        }
        if (sameFile(target, input)) {
            throw InvalidInputException.of("%s %s is the --input file %s: refusing to overwrite an input; choose another name",
                    option, target, input);
        }
        if (Files.isDirectory(input) && inside(target, input)) {
            throw InvalidInputException.of("%s %s is inside the --input directory %s: refusing to write into an input; "
                    + "choose a file elsewhere", option, target, input);
        }
    }

    /**
     * Refuses an output directory that is the input file or contains it (what is written there could replace
     * it), before any work is done.
     */
    static void checkDirectory(String option, Path dir, Path input) {
        if (dir == null || input == null) {
            return;
        }
        if (sameFile(dir, input) || inside(input, dir)) {
            throw InvalidInputException.of("%s %s contains the --input file %s: refusing to write where an input is; "
                    + "choose another directory", option, dir, input);
        }
    }

    /** Whether the two paths name one file (also through links); false when either does not exist. */
    private static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // unreadable: then it cannot be read as input either
        }
    }

    /** Whether {@code path} (which need not exist) lies strictly inside the existing directory {@code dir}. */
    private static boolean inside(Path path, Path dir) {
        try {
            Path realDir = dir.toRealPath();
            return !resolved(path).equals(realDir) && resolved(path).startsWith(realDir);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code path} with its longest existing prefix resolved to the real path (links followed). */
    private static Path resolved(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }

    /** Writes {@code content} to {@code file} atomically, or to stdout when {@code file} is null. */
    static void emit(Path file, String content) {
        if (file == null) {
            System.out.print(content);
            if (!content.endsWith("\n")) {
                System.out.println();
            }
            System.out.flush();
            return;
        }
        try {
            AtomicFiles.writeString(file, content.endsWith("\n") ? content : content + "\n");
        } catch (IOException e) {
            // checked before the work (checkFile): what is left is the machine's (disk full), said in one line
            throw InvalidInputException.of("cannot write %s: %s", file, e.getMessage());
        }
    }
}
