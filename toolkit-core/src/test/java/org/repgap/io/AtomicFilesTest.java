package org.repgap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesContentWithReadablePermissionsAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.writeString(f, "hello\n");
        assertEquals("hello\n", Files.readString(f, StandardCharsets.UTF_8));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void keepsThePermissionsOfTheFileItReplaces(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    /** What a {@code kill -9} during a write leaves is removed by the next write into that directory. */
    @Test
    void staleTemporaryFilesOfOurPatternAreRemovedByTheNextWrite(@TempDir Path dir) throws IOException {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 3_600_000); // an hour: older than AtomicFiles.STALE (5 min)
        Path killed = Files.writeString(dir.resolve(".id.json.4711081512.tmp"), "{\"partial");
        Path otherTarget = Files.writeString(dir.resolve(".fig.png.99.tmp"), "partial");
        Path inProgress = Files.writeString(dir.resolve(".id.json.123.tmp"), "being written"); // fresh: kept
        Path notOurs = Files.writeString(dir.resolve(".notes.tmp"), "user's");
        Path notOurs2 = Files.writeString(dir.resolve(".x.12.tmp.bak"), "user's");
        for (Path p : new Path[] {killed, otherTarget, notOurs, notOurs2}) {
            Files.setLastModifiedTime(p, old);
        }
        AtomicFiles.writeString(dir.resolve("other.txt"), "x");
        assertEquals(false, Files.exists(killed));
        assertEquals(false, Files.exists(otherTarget));
        assertEquals(true, Files.exists(inProgress));
        assertEquals(true, Files.exists(notOurs));
        assertEquals(true, Files.exists(notOurs2));
    }
}
