package org.repgap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.repgap.data.PointCloud;
import org.repgap.data.PointClouds;

/** The resident server and its client, in one JVM: same output and exit codes as a local run, paths relative to the client. */
class DaemonTest {
    @TempDir
    Path dir;

    private Path socket;
    private Daemon.Server server;
    private Thread loop;
    private final CountDownLatch abandoned = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        // socket paths are limited to about 100 bytes: the temporary directory may be deep
        socket = Files.createTempDirectory(Path.of("/tmp"), "rgd").resolve("t.sock");
        server = Daemon.Server.bind(socket, Duration.ofMinutes(5), abandoned::countDown);
        loop = new Thread(() -> {
            try {
                server.serve();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        loop.start();
    }

    @AfterEach
    void stop() throws InterruptedException, IOException {
        server.close();
        loop.join(10_000);
        Files.deleteIfExists(socket);
        Files.deleteIfExists(socket.getParent());
    }

    /** Exit code, stdout and stderr of a forwarded command. */
    record Forwarded(Daemon.Outcome outcome, int exit, String out, String err) {
    }

    private Forwarded forward(Path cwd, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Daemon.Result r = Daemon.forward(socket, cwd, List.of(args), out, err);
        return new Forwarded(r.outcome(), r.exitCode(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void forwardedCommandPrintsWhatALocalRunPrints() throws IOException {
        Forwarded f = forward(dir, "datasets", "--list");
        assertEquals(Daemon.Outcome.RAN, f.outcome());
        assertEquals(0, f.exit(), f.err());
        DatasetsCommandTest.Run local = DatasetsCommandTest.run("datasets", "--list");
        assertEquals(local.out() + local.stdout(), f.out());
    }

    @Test
    void relativePathsAreTheClientsAndTheResultIsTheSame() throws IOException {
        Forwarded f = forward(dir, "datasets", "--name", "sphere:2", "--n", "300", "--seed", "4", "--output", "points.npy");
        assertEquals(0, f.exit(), f.err());
        Path written = dir.resolve("points.npy");
        assertTrue(Files.exists(written), "written in the client's directory, not the daemon's");
        Forwarded id = forward(dir, "id", "--input", "points.npy", "--estimator", "mle", "--format", "csv");
        assertEquals(Daemon.Outcome.RAN, id.outcome(), "a command right after another runs in the daemon");
        assertEquals(0, id.exit(), id.err());
        PointCloud x = PointClouds.read(written);
        DatasetsCommandTest.Run local = DatasetsCommandTest.run("id", "--input", written.toString(), "--estimator", "mle", "--format",
                "csv");
        // same estimate, to the digit (the seconds column may differ)
        assertEquals(local.stdout().split("\n")[1].split(",")[2], id.out().split("\n")[1].split(",")[2]);
        assertEquals(300, x.n());
    }

    /**
     * The daemon is free again before the client has its answer: a script's next command never finds it busy (it
     * was once marked free only after the exit code was sent, and a quick next command then got "busy" and, in
     * this test's predecessor, an empty output).
     */
    @Test
    void backToBackCommandsAllRunInTheDaemon() throws IOException {
        for (int i = 0; i < 40; i++) {
            Forwarded f = forward(dir, "datasets", "--list", "--format", i % 2 == 0 ? "csv" : "text");
            assertEquals(Daemon.Outcome.RAN, f.outcome(), "command " + i);
            assertEquals(0, f.exit(), f.err());
            assertFalse(f.out().isEmpty());
        }
    }

    @Test
    void userErrorsKeepExitCodeTwoAndTheirMessage() throws IOException {
        Forwarded f = forward(dir, "id", "--input", "absent.npy");
        assertEquals(Daemon.Outcome.RAN, f.outcome());
        assertEquals(2, f.exit());
        assertTrue(f.err().contains("absent.npy") && f.err().contains("not found"), f.err());
        Forwarded bad = forward(dir, "id", "--no-such-option");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--no-such-option"), bad.err());
    }

    @Test
    void busyDaemonRunsNothing() throws IOException {
        server.setBusy(true);
        try {
            Path out = dir.resolve("never.csv");
            Forwarded f = forward(dir, "datasets", "--name", "sphere:2", "--n", "50", "--output", out.toString());
            assertEquals(Daemon.Outcome.BUSY, f.outcome());
            assertFalse(Files.exists(out));
        } finally {
            server.setBusy(false);
        }
    }

    @Test
    void statusAnswersEvenWhenBusy() throws IOException {
        server.setBusy(true);
        try {
            Forwarded f = forward(dir, Daemon.PING);
            assertEquals(Daemon.Outcome.RAN, f.outcome());
            assertTrue(f.out().contains("running a command"), f.out());
        } finally {
            server.setBusy(false);
        }
        assertTrue(forward(dir, Daemon.PING).out().contains("idle"));
    }

    @Test
    void noDaemonAndStaleSocketFilesRunNothing() throws IOException, InterruptedException {
        server.close();
        loop.join(10_000);
        assertEquals(Daemon.Outcome.ABSENT, forward(dir, "datasets", "--list").outcome());
        // a socket file left by a daemon that died: the client removes it
        try (java.nio.channels.ServerSocketChannel dead = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        assertEquals(Daemon.Outcome.ABSENT, forward(dir, "datasets", "--list").outcome());
        assertFalse(Files.exists(socket));
    }

    @Test
    void aSecondDaemonOnALiveSocketStandsDown() throws IOException {
        assertNull(Daemon.Server.bind(socket, Duration.ofMinutes(1), () -> { }));
    }

    @Test
    void clientGoingAwayDuringItsCommandIsReported() throws IOException, InterruptedException {
        // a command that runs for a while (a dataset large enough to take more than a moment), then the client
        // closes its end: the server calls onAbandon (the daemon process exits there)
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer b = ByteBuffer.wrap(Daemon.request(dir, Daemon.Identity.current().groups(), List.of("id", "--dataset", "subspace:10:100", "--n", "30000",
                    "--estimator", "mle", "--format", "csv", "--output", "late.csv")));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            Thread.sleep(300);
        }
        assertTrue(abandoned.await(30, TimeUnit.SECONDS), "the server noticed the client leave");
        // here the process would have exited; let the command finish so that it restores System.out before the next test
        for (int i = 0; i < 1200 && server.busy(); i++) {
            Thread.sleep(100);
        }
        assertFalse(server.busy());
    }

    @Test
    void socketDirectoryIsPrivate() throws IOException {
        Path d = Daemon.privateDirectory();
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(d)));
        assertTrue(Daemon.socket().startsWith(d));
    }

    // ---------------------------------------------------------------- who may talk to whom (tests possible as root)

    private static java.nio.file.attribute.UserPrincipal user(long uid) throws IOException {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(Long.toString(uid));
    }

    private static java.nio.file.attribute.GroupPrincipal group(long gid) throws IOException {
        return java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(Long.toString(gid));
    }

    @Test
    void aSocketDirectoryOfAnotherOwnerOrModeOrALinkIsNotUsed() throws IOException {
        long me = Daemon.Identity.current().uid();
        Path mine = Daemon.checkPrivate(dir.resolve("made"), me);
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)));
        // made first by someone else (here: a directory of this user checked against another uid)
        IOException other = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Daemon.checkPrivate(mine, me + 1234));
        assertTrue(other.getMessage().contains("belongs to uid " + me) && other.getMessage().contains("not using it"), other.getMessage());
        Files.setPosixFilePermissions(mine, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Daemon.checkPrivate(mine, me))
                .getMessage().contains("0750"));
        Files.setPosixFilePermissions(mine, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), mine);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Daemon.checkPrivate(link, me))
                .getMessage().contains("link"));
    }

    @Test
    void theClientSendsNothingToADaemonOfAnotherUser() throws IOException {
        Path out = dir.resolve("never.npy");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Daemon.Result r = Daemon.forward(socket, user(Daemon.Identity.current().uid() + 1234), Daemon.Identity.current().groups(), dir,
                List.of("datasets", "--name", "sphere:2", "--n", "50", "--output", out.toString()), new ByteArrayOutputStream(), err);
        assertEquals(Daemon.Outcome.REFUSED, r.outcome());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nothing sent"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out));
    }

    @Test
    void theDaemonServesOnlyItsOwnUserGroupAndGroupSet() throws IOException, InterruptedException {
        Daemon.Identity me = Daemon.Identity.current();
        java.util.Set<Long> more = new java.util.TreeSet<>(me.groups());
        more.add(4242L);
        Daemon.Identity[] others = {
            Daemon.Identity.of(me.uid() + 1234, 4242, java.util.Set.of(4242L)), // another user
            new Daemon.Identity(me.uid(), me.user(), group(4242), me.groups()), // another primary group
            new Daemon.Identity(me.uid(), me.user(), me.group(), more)}; // a login with one more group
        for (Daemon.Identity self : others) {
            Path sock = Files.createTempDirectory(Path.of("/tmp"), "rgd").resolve("o.sock");
            Daemon.Server other = Daemon.Server.bind(sock, Duration.ofMinutes(1), () -> { }, self);
            Thread t = new Thread(() -> {
                try {
                    other.serve();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            try {
                Path out = dir.resolve("never.npy");
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Daemon.Result r = Daemon.forward(sock, dir, List.of("datasets", "--name", "sphere:2", "--n", "50", "--output",
                        out.toString()), new ByteArrayOutputStream(), err);
                assertEquals(Daemon.Outcome.REFUSED, r.outcome(), self.toString());
                assertTrue(err.toString(StandardCharsets.UTF_8).contains("refused"), err.toString(StandardCharsets.UTF_8));
                assertFalse(Files.exists(out));
            } finally {
                other.close();
                t.join(10_000);
                Files.deleteIfExists(sock.getParent());
            }
        }
    }

    @Test
    void refusalComparesUserPrimaryGroupAndGroupSet() throws IOException {
        Daemon.Identity self = Daemon.Identity.of(1000, 1000, java.util.Set.of(1000L, 27L));
        assertNull(Daemon.refusal(self, new jdk.net.UnixDomainPrincipal(user(1000), group(1000)), java.util.Set.of(27L, 1000L)));
        assertTrue(Daemon.refusal(self, new jdk.net.UnixDomainPrincipal(user(1001), group(1000)), self.groups()).contains("user"));
        assertTrue(Daemon.refusal(self, new jdk.net.UnixDomainPrincipal(user(1000), group(27)), self.groups()).contains("primary group"));
        assertTrue(Daemon.refusal(self, new jdk.net.UnixDomainPrincipal(user(1000), group(1000)), java.util.Set.of(1000L))
                .contains("groups"));
    }

    @Test
    void theLogIsOpenedWithoutFollowingALink() throws IOException {
        Path precious = dir.resolve("precious.txt");
        Files.writeString(precious, "keep\n");
        Path log = Files.createSymbolicLink(dir.resolve("d-1.log"), precious);
        assertThrowsIo(() -> Daemon.openLog(log));
        assertEquals("keep\n", Files.readString(precious));
        Path real = dir.resolve("d-2.log");
        try (java.io.PrintStream p = Daemon.openLog(real)) {
            p.println("one");
        }
        try (java.io.PrintStream p = Daemon.openLog(real)) {
            p.println("two");
        }
        assertEquals("one\ntwo\n", Files.readString(real));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    private static void assertThrowsIo(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, e);
    }
}
