package org.repgap.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.repgap.io.AtomicFiles;

/** Where a command's result goes: stdout, or a file written atomically (no partial file on failure). */
final class Output {
    private Output() {
    }

    /** Formats shared by the analysis commands. */
    enum Format { text, json, csv }

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
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
