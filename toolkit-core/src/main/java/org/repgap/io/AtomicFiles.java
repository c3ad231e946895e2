package org.repgap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader never sees a partial one: the content goes to a temporary file in
 * the same directory, which then replaces the target by an atomic move (a plain replace where the
 * file system cannot move atomically). On failure the temporary file is deleted and the target is
 * untouched.
 */
public final class AtomicFiles {

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * {@code createTempFile} makes the file owner-only (0600); a user's output must get the usual
     * permissions instead: those of the file it replaces, else read-write for the owner and
     * readable by everyone (0644, what a shell redirect gives under the common umask 022).
     */
    private static void matchPermissions(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Checks, before the work whose result goes there, that {@link #write} could write {@code target}: it is not a
     * directory, its nearest existing ancestor is a directory, and a temporary file of the write's own pattern can
     * be created (and is removed) there. The probe is the real operation, so it also catches what permission bits
     * do not show (read-only mounts, {@code /proc}, quotas on creating files).
     *
     * @throws IOException naming the reason when {@code target} cannot be written
     */
    public static void checkWritable(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IOException("is a directory; give a file name");
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException((dir == null ? abs.getRoot() : dir) + " is not a directory");
        }
        Path probe;
        try {
            probe = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        } catch (IOException | SecurityException e) {
            throw new IOException("cannot create files in " + dir + " (" + reason(e) + ")", e);
        }
        Files.deleteIfExists(probe);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes {@code text} in UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code target} atomically with what {@code writer} produces. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            matchPermissions(tmp, abs);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
