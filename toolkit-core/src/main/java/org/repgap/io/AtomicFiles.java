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
 * untouched. A process killed during the write ({@code kill -9}) leaves its temporary file
 * {@code .NAME.<digits>.tmp}; the next write into that directory removes such files of this pattern
 * once they are {@link #STALE} old (a younger one may belong to a write in progress in another process).
 */
public final class AtomicFiles {

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Age after which a temporary file of this class's pattern is taken to be left by a killed process. */
    public static final java.time.Duration STALE = java.time.Duration.ofMinutes(5);

    /** {@code createTempFile(dir, "." + name + ".", ".tmp")}: a dot, the target's name, a dot, digits, {@code .tmp}. */
    private static final java.util.regex.Pattern TEMPORARY = java.util.regex.Pattern.compile("\\..+\\.[0-9]+\\.tmp");

    private AtomicFiles() {
    }

    /**
     * Removes temporary files of this class's pattern in {@code dir} last modified more than {@link #STALE} ago;
     * failures are ignored (the write itself does not depend on it).
     *
     * @return how many were removed
     */
    static int removeStale(Path dir) {
        long cutoff = System.currentTimeMillis() - STALE.toMillis();
        int removed = 0;
        try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                try {
                    if (TEMPORARY.matcher(p.getFileName().toString()).matches()
                            && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff
                            && Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (IOException ignored) {
                    // another process removed it, or it is not ours to remove
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable directory: the write below reports what matters
        }
        return removed;
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
            removeStale(dir);
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
