package org.repgap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The optional resident server of the {@code repgap} command, for scripts that run many short commands: a
 * fresh JVM spends about 1.2 s of a 2.3 s {@code repgap id} on start-up and compilation (see
 * benchmarks/README.md), a resident one none of it.
 *
 * <p>Opt in with the environment variable {@code REPGAP_DAEMON=1}. Then {@code id}, {@code gap}, {@code fit},
 * {@code datasets} and {@code plot} are sent to the daemon of this build (same jar, same modification time,
 * same JVM) over a Unix-domain socket in a directory only the user can open
 * ({@code $XDG_RUNTIME_DIR/repgap}, else {@code <tmpdir>/repgap-<user>}); the daemon runs them with the
 * client's working directory for relative paths and sends back stdout, stderr and the exit code. When no
 * daemon answers, the command runs in its own JVM as usual and then starts one in the background for the
 * next command. When the daemon is busy with another command, the command runs in its own JVM. It exits
 * after {@value #IDLE_MINUTES} idle minutes ({@code REPGAP_DAEMON_IDLE_MINUTES}), on {@code repgap daemon stop},
 * and when a client goes away before its command has finished (Ctrl-C), so that nothing carries on writing
 * files for a command its user has cancelled. {@code train} and {@code demo} always run in their own JVM:
 * they are long, and start-up is a small part of them.
 *
 * <p>Protocol (version 1): the client sends one length-prefixed request (magic, version, working
 * directory, arguments); the server answers with frames {@code [type][length][bytes]}: {@code O} stdout,
 * {@code E} stderr, {@code X} exit code (4 bytes, last frame), {@code B} busy (no command run).
 */
final class Daemon {
    /** Environment variable that turns the daemon on ({@code 1} or {@code true}). */
    static final String ENABLE = "REPGAP_DAEMON";
    static final int IDLE_MINUTES = 15;
    /** Commands sent to the daemon. */
    static final Set<String> FORWARDED = Set.of("id", "gap", "fit", "datasets", "plot");

    private static final int MAGIC = 0x52504744;
    private static final int VERSION = 1;
    private static final byte OUT = 'O';
    private static final byte ERR = 'E';
    private static final byte EXIT = 'X';
    private static final byte BUSY = 'B';
    /** Control requests: a first argument no shell user types. */
    static final String PING = "\u0000ping";
    static final String STOP = "\u0000stop";
    private static final String SELECTOR_PROVIDER = "java.nio.channels.spi.SelectorProvider";

    private Daemon() {
    }

    /** Whether {@code REPGAP_DAEMON} asks for the daemon. */
    static boolean enabled() {
        String v = System.getenv(ENABLE);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /**
     * The socket of this build's daemon: its name hashes the jar (or class directory), its modification
     * time and the JVM, so that a rebuilt toolkit or another JDK never talks to an old daemon.
     */
    static Path socket() throws IOException {
        Path code;
        try {
            code = Path.of(Daemon.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the repgap jar: " + e.getMessage(), e);
        }
        String key = code.toAbsolutePath() + "|" + Files.getLastModifiedTime(code).toMillis() + "|"
                + System.getProperty("java.home") + "|" + System.getProperty("java.version");
        // FNV-1a, 64 bits: the key only has to tell builds apart (a cryptographic digest costs the client
        // 30-40 ms of provider loading)
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return privateDirectory().resolve("d-" + Long.toHexString(h) + ".sock");
    }

    /** The per-user directory of the sockets, created {@code rwx------}; refused if anyone else could enter it. */
    static Path privateDirectory() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "repgap")
                : Path.of(System.getProperty("java.io.tmpdir"), "repgap-" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another client made it meanwhile: checked below
            }
        }
        // Permissions rwx------ are enough: if another user made the directory, this user can neither connect
        // to a socket in it nor bind one there (the owner is not checked: looking it up costs the client time).
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            throw new IOException("this file system has no POSIX permissions to keep the daemon's socket private", e);
        }
        if (!perms.equals(PosixFilePermissions.fromString("rwx------"))) {
            throw new IOException(dir + " must have permissions rwx------ (it has " + PosixFilePermissions.toString(perms) + ")");
        }
        return dir;
    }

    // ---------------------------------------------------------------- client

    /** What became of a forwarded command. */
    enum Outcome {
        /** The daemon ran it; see the exit code. */
        RAN,
        /** The daemon is running another command (or warming up): nothing was run. */
        BUSY,
        /** No daemon answers on the socket: nothing was run. */
        ABSENT
    }

    /** A forwarded command's outcome and, when it ran, its exit code. */
    record Result(Outcome outcome, int exitCode) {
    }

    /**
     * Runs {@code args} in the daemon at {@code socket}, copying its stdout and stderr to {@code out} and
     * {@code err}. A socket file without a daemon behind it is removed.
     *
     * @throws IOException when the daemon stopped during the command
     */
    static Result forward(Path socket, Path cwd, List<String> args, OutputStream out, OutputStream err) throws IOException {
        if (System.getProperty(SELECTOR_PROVIDER) == null && "Linux".equals(System.getProperty("os.name"))) {
            // Linux's default provider, named: otherwise the first channel looks for other providers in every jar of
            // the class path (about 40 ms of the client's 0.25 s)
            System.setProperty(SELECTOR_PROVIDER, "sun.nio.ch.EPollSelectorProvider");
        }
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (UnsupportedOperationException e) {
            return new Result(Outcome.ABSENT, 0);
        }
        try (ch) {
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (java.net.ConnectException refused) {
                Files.deleteIfExists(socket); // a daemon that died without cleaning up
                return new Result(Outcome.ABSENT, 0);
            } catch (IOException absent) {
                return new Result(Outcome.ABSENT, 0);
            }
            writeFully(ch, request(cwd, args));
            ByteBuffer head = ByteBuffer.allocate(5);
            while (true) {
                head.clear();
                if (!readFully(ch, head)) {
                    throw new IOException("the repgap daemon stopped during the command (see " + log(socket) + ")");
                }
                byte type = head.get(0);
                int length = head.getInt(1);
                if (type == BUSY) {
                    return new Result(Outcome.BUSY, 0);
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                if (!readFully(ch, body)) {
                    throw new IOException("the repgap daemon stopped during the command (see " + log(socket) + ")");
                }
                if (type == EXIT) {
                    out.flush();
                    err.flush();
                    return new Result(Outcome.RAN, body.getInt(0));
                }
                OutputStream target = type == ERR ? err : out;
                target.write(body.array(), 0, length);
                target.flush();
            }
        }
    }

    /** The bytes of a request: length, magic, version, working directory, arguments. */
    static byte[] request(Path cwd, List<String> args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(cwd.toAbsolutePath().toString());
        d.writeInt(args.size());
        for (String a : args) {
            d.writeUTF(a);
        }
        d.flush();
        byte[] body = bytes.toByteArray();
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** The daemon's log: what it printed outside commands (start-up, warm-up, errors). */
    static Path log(Path socket) {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
    }

    /**
     * Starts a daemon for {@code socket} in the background with this JVM's options and class path, in a new
     * session (so that closing the terminal does not stop it), its output appended to {@link #log}.
     */
    static void spawn(Path socket) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:ArchiveClassesAtExit")) { // the launcher's one-off archive run
                cmd.add(option);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Daemon.class.getName());
        cmd.add(socket.toString());
        new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(socket).toFile())).start();
    }

    // ---------------------------------------------------------------- server

    /** Entry point of the daemon process: {@code Daemon SOCKET}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty("java.awt.headless", "true");
        Path socket = Path.of(args[0]);
        long idleMinutes = IDLE_MINUTES;
        String idle = System.getenv("REPGAP_DAEMON_IDLE_MINUTES");
        if (idle != null && !idle.isBlank()) {
            try {
                idleMinutes = Math.max(1, Long.parseLong(idle.trim()));
            } catch (NumberFormatException e) {
                log("REPGAP_DAEMON_IDLE_MINUTES=%s is not a whole number of minutes: using %d", idle, IDLE_MINUTES);
            }
        }
        Server server = Server.bind(socket, Duration.ofMinutes(idleMinutes), () -> System.exit(130));
        if (server == null) {
            return; // another daemon answers on this socket
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close)); // no socket file left behind
        log("daemon pid %d listening on %s, idle timeout %d min", ProcessHandle.current().pid(), socket, idleMinutes);
        server.warmUp();
        server.serve();
        log("daemon stopped");
        System.exit(0);
    }

    private static void log(String format, Object... args) {
        System.out.println(java.time.Instant.now() + " repgap: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** A bound daemon socket and its request loop. */
    static final class Server implements AutoCloseable {
        private final Path socket;
        private final ServerSocketChannel channel;
        private final Duration idle;
        private final Runnable onAbandon;
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile long lastActive = System.nanoTime();
        private volatile boolean stopping;

        private Server(Path socket, ServerSocketChannel channel, Duration idle, Runnable onAbandon) {
            this.socket = socket;
            this.channel = channel;
            this.idle = idle;
            this.onAbandon = onAbandon;
        }

        /**
         * Binds {@code socket}; returns {@code null} when a daemon already answers there (a stale socket file is
         * replaced).
         *
         * @param onAbandon run when a client goes away before its command finished (the process exits then)
         */
        static Server bind(Path socket, Duration idle, Runnable onAbandon) throws IOException {
            if (Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    probe.connect(UnixDomainSocketAddress.of(socket));
                    return null;
                } catch (IOException stale) {
                    Files.deleteIfExists(socket);
                }
            }
            ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.bind(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                ch.close();
                return null; // another daemon bound it first
            }
            return new Server(socket, ch, idle, onAbandon);
        }

        /** Runs a small command so that the neighbour search is compiled before the first request; clients see "busy" meanwhile. */
        void warmUp() {
            busy.set(true);
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            PrintStream none = new PrintStream(OutputStream.nullOutputStream());
            try {
                System.setOut(none);
                System.setErr(none);
                for (int i = 0; i < 2; i++) {
                    Repgap.execute(new String[] {"id", "--dataset", "subspace:10:100", "--n", "4096", "--estimator", "mle,twonn",
                        "--format", "json"}, null);
                }
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
                busy.set(false);
                lastActive = System.nanoTime();
            }
        }

        /** Accepts requests until stopped or idle for longer than the idle time. */
        void serve() throws InterruptedException {
            Thread watchdog = new Thread(() -> {
                while (!stopping) {
                    try {
                        Thread.sleep(Math.min(idle.toMillis(), 10_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!busy.get() && System.nanoTime() - lastActive > idle.toNanos()) {
                        close();
                    }
                }
            }, "repgap-daemon-idle");
            watchdog.setDaemon(true);
            watchdog.start();
            while (!stopping) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (ClosedChannelException closed) {
                    break;
                } catch (IOException e) {
                    log("accept failed: %s", e);
                    continue;
                }
                Thread t = new Thread(() -> handle(client), "repgap-daemon-request");
                t.setDaemon(true);
                t.start();
            }
            watchdog.interrupt();
        }

        private void handle(SocketChannel client) {
            try (client) {
                String[] request = readRequest(client);
                if (request == null) {
                    return;
                }
                Path cwd = Path.of(request[0]);
                String[] args = java.util.Arrays.copyOfRange(request, 1, request.length);
                if (args.length == 1 && (args[0].equals(PING) || args[0].equals(STOP))) {
                    control(client, args[0].equals(STOP));
                    return;
                }
                if (!busy.compareAndSet(false, true)) {
                    frame(client, BUSY, new byte[0]);
                    return;
                }
                try {
                    run(client, cwd, args);
                } finally {
                    lastActive = System.nanoTime();
                    busy.set(false);
                }
                // the client has its answer: give the command's memory back before waiting for the next one
                System.gc();
            } catch (IOException e) {
                log("request failed: %s", e);
            }
        }

        /** The working directory followed by the arguments, or {@code null} when the client sent nothing. */
        private static String[] readRequest(SocketChannel client) throws IOException {
            ByteBuffer len = ByteBuffer.allocate(4);
            if (!readFully(client, len)) {
                return null;
            }
            int n = len.getInt(0);
            if (n < 0 || n > (1 << 24)) {
                throw new IOException("request of " + n + " bytes");
            }
            ByteBuffer body = ByteBuffer.allocate(n);
            if (!readFully(client, body)) {
                return null;
            }
            DataInputStream d = new DataInputStream(new ByteArrayInputStream(body.array()));
            if (d.readInt() != MAGIC || d.readInt() != VERSION) {
                throw new IOException("not a repgap request, or another protocol version");
            }
            String cwd = d.readUTF();
            String[] out = new String[1 + d.readInt()];
            out[0] = cwd;
            for (int i = 1; i < out.length; i++) {
                out[i] = d.readUTF();
            }
            return out;
        }

        private void control(SocketChannel client, boolean stop) throws IOException {
            String msg = String.format(Locale.ROOT, "repgap daemon: pid %d, socket %s, %s%n", ProcessHandle.current().pid(), socket,
                    stop ? "stopping" : busy.get() ? "running a command" : "idle");
            frame(client, OUT, msg.getBytes(StandardCharsets.UTF_8));
            frame(client, EXIT, ByteBuffer.allocate(4).putInt(0).array());
            if (stop) {
                close();
            }
        }

        private void run(SocketChannel client, Path cwd, String[] args) throws IOException {
            AtomicBoolean done = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                // the client sends nothing more: end of stream before the command finished means it went away
                ByteBuffer b = ByteBuffer.allocate(1);
                try {
                    while (client.read(b) >= 0) {
                        b.clear();
                    }
                } catch (IOException e) {
                    // closed: treated as gone
                }
                if (!done.get()) {
                    onAbandon.run();
                }
            }, "repgap-daemon-client");
            watcher.setDaemon(true);
            watcher.start();
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            PrintStream out = new PrintStream(new FrameStream(client, OUT), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FrameStream(client, ERR), false, StandardCharsets.UTF_8);
            int code;
            try {
                System.setOut(out);
                System.setErr(err);
                code = Repgap.execute(args, cwd);
            } finally {
                out.flush();
                err.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            done.set(true);
            frame(client, EXIT, ByteBuffer.allocate(4).putInt(code).array());
        }

        /** Whether a command is running (or the warm-up). */
        boolean busy() {
            return busy.get();
        }

        /** Marks the server busy or not; for tests. */
        void setBusy(boolean b) {
            busy.set(b);
        }

        /** Stops accepting, removes the socket file. */
        @Override
        public void close() {
            stopping = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                Files.deleteIfExists(socket);
            } catch (IOException ignored) {
                // the next daemon replaces a stale file
            }
        }
    }

    /** Bytes written to it go to the client as frames of one type. */
    private static final class FrameStream extends OutputStream {
        private final SocketChannel ch;
        private final byte type;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        FrameStream(SocketChannel ch, byte type) {
            this.ch = ch;
            this.type = type;
        }

        @Override
        public synchronized void write(int b) {
            buf.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buf.write(b, off, len);
            if (buf.size() >= 1 << 16) {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            if (buf.size() == 0) {
                return;
            }
            try {
                frame(ch, type, buf.toByteArray());
            } catch (IOException e) {
                // the client went away: the watcher handles that; drop the output
            }
            buf.reset();
        }
    }

    /** Writes one frame; frames of different threads (stdout, stderr) do not interleave. */
    private static void frame(SocketChannel ch, byte type, byte[] body) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(5 + body.length);
        b.put(type).putInt(body.length).put(body).flip();
        synchronized (ch) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    private static void writeFully(SocketChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Fills {@code b} from the channel; false at end of stream. */
    private static boolean readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return false;
            }
        }
        return true;
    }
}
