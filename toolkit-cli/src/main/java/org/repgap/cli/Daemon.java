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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

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
 * <p>Who may talk to whom: the socket directory must be the caller's own (owner uid, mode {@code rwx------},
 * not a link), else it is not used; the client checks from the socket's peer credentials
 * ({@link ExtendedSocketOptions#SO_PEERCRED}) that the daemon runs as its own user before it sends anything;
 * the daemon serves only a client of its own user and primary group (both from the kernel's peer credentials)
 * and the same group set ({@code id -G}; the peer credentials do not carry it, so the client reports it in the
 * request), so that a login lacking a group membership cannot use one that has it. The log is opened without
 * following links.
 *
 * <p>Protocol (version 2): the client sends one length-prefixed request (magic, version, working
 * directory, arguments, group set); the server answers with frames {@code [type][length][bytes]}: {@code O}
 * stdout, {@code E} stderr, {@code X} exit code (4 bytes, last frame), {@code B} busy (no command run),
 * {@code R} refused (why, in UTF-8; no command run).
 */
final class Daemon {
    /** Environment variable that turns the daemon on ({@code 1} or {@code true}). */
    static final String ENABLE = "REPGAP_DAEMON";
    static final int IDLE_MINUTES = 15;
    /** Commands sent to the daemon. */
    static final Set<String> FORWARDED = Set.of("id", "gap", "fit", "datasets", "plot");

    private static final int MAGIC = 0x52504744;
    private static final int VERSION = 2;
    private static final byte OUT = 'O';
    private static final byte ERR = 'E';
    private static final byte EXIT = 'X';
    private static final byte BUSY = 'B';
    private static final byte REFUSED = 'R';
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

    /**
     * The per-user directory of the sockets: {@code $XDG_RUNTIME_DIR/repgap} when that directory is the caller's,
     * else {@code <tmpdir>/repgap-<user>}; created {@code rwx------}, refused unless it is the caller's (see
     * {@link #checkPrivate}).
     */
    static Path privateDirectory() throws IOException {
        long uid = Identity.current().uid();
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && ownedBy(Path.of(runtime), uid)
                ? Path.of(runtime, "repgap")
                : Path.of(System.getProperty("java.io.tmpdir"), "repgap-" + System.getProperty("user.name"));
        return checkPrivate(dir, uid);
    }

    private static boolean ownedBy(Path dir, long uid) {
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:uid,isDirectory", LinkOption.NOFOLLOW_LINKS);
            return Boolean.TRUE.equals(a.get("isDirectory")) && ((Integer) a.get("uid")).longValue() == uid;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Creates {@code dir} ({@code rwx------}) if it is absent and returns it when it is a directory, not a link, owned
     * by {@code uid}, with mode exactly {@code 0700} (no set-group-id bit); otherwise refuses to use it: another user
     * who made it first could listen there in the daemon's place, or read what clients send.
     */
    static Path checkPrivate(Path dir, long uid) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another client made it meanwhile: checked below
            }
        }
        Map<String, Object> a;
        try {
            a = Files.readAttributes(dir, "unix:uid,mode,isDirectory", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new IOException("this file system has no owners and permissions to keep the daemon's socket private", e);
        }
        if (!Boolean.TRUE.equals(a.get("isDirectory"))) {
            throw new IOException(dir + " is not a directory (or is a link): not using it");
        }
        long owner = ((Integer) a.get("uid")).longValue();
        if (owner != uid) {
            throw new IOException(String.format(Locale.ROOT, "%s belongs to uid %d, not to you (uid %d): not using it", dir, owner, uid));
        }
        int mode = (Integer) a.get("mode") & 07777;
        if (mode != 0700) {
            throw new IOException(String.format(Locale.ROOT, "%s must have mode 0700 (rwx------), it has %04o: not using it", dir, mode));
        }
        return dir;
    }

    /**
     * A process's user, primary group and group set ({@code id -u}, {@code id -g}, {@code id -G}); the principals
     * compare by numeric id.
     */
    record Identity(long uid, UserPrincipal user, GroupPrincipal group, Set<Long> groups) {
        Identity {
            groups = Set.copyOf(groups);
        }

        /** This process's identity. */
        static Identity current() throws IOException {
            com.sun.security.auth.module.UnixSystem u;
            try {
                u = new com.sun.security.auth.module.UnixSystem();
            } catch (LinkageError | RuntimeException e) {
                throw new IOException("cannot find this process's user id: " + e, e);
            }
            Set<Long> groups = new TreeSet<>();
            groups.add(u.getGid());
            for (long g : u.getGroups()) {
                groups.add(g);
            }
            return of(u.getUid(), u.getGid(), groups);
        }

        /**
         * The identity of numeric ids. A name is looked up first, so this is exact only where no user or group is
         * named by another's number; the daemon therefore takes its own user and group from the kernel (see
         * {@link Server#bind}).
         */
        static Identity of(long uid, long gid, Set<Long> groups) throws IOException {
            UserPrincipalLookupService lookup = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
            return new Identity(uid, lookup.lookupPrincipalByName(Long.toString(uid)),
                    lookup.lookupPrincipalByGroupName(Long.toString(gid)), groups);
        }

        /** The same with the user and group of the kernel's credentials. */
        Identity withPrincipal(UnixDomainPrincipal p) {
            return new Identity(uid, p.user(), p.group(), groups);
        }
    }

    /**
     * Why the daemon of {@code self} must not serve the client {@code peer} (null when it may): another user, another
     * primary group or another group set.
     */
    static String refusal(Identity self, UnixDomainPrincipal peer, Set<Long> peerGroups) {
        if (!self.user().equals(peer.user())) {
            return "the daemon runs as user " + self.user().getName() + ", the client is " + peer.user().getName();
        }
        if (!self.group().equals(peer.group())) {
            return "the daemon's primary group is " + self.group().getName() + ", the client's " + peer.group().getName();
        }
        if (!self.groups().equals(Set.copyOf(peerGroups))) {
            return "the daemon's groups are " + new TreeSet<>(self.groups()) + ", the client's " + new TreeSet<>(peerGroups)
                    + " (a login with other group memberships)";
        }
        return null;
    }

    /**
     * Opens the daemon's log for appending without following a link at its path (a link planted there would make the
     * daemon append to the file it names), owner-only when created.
     */
    static PrintStream openLog(Path log) throws IOException {
        java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(log,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new PrintStream(java.nio.channels.Channels.newOutputStream(ch), true, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- client

    /** What became of a forwarded command. */
    enum Outcome {
        /** The daemon ran it; see the exit code. */
        RAN,
        /** The daemon is running another command (or warming up): nothing was run. */
        BUSY,
        /** No daemon answers on the socket: nothing was run. */
        ABSENT,
        /**
         * Nothing was run: the socket is served by another user (nothing was sent), or the daemon refused this
         * client (another user, group or group set); a warning went to stderr.
         */
        REFUSED
    }

    /** A forwarded command's outcome and, when it ran, its exit code. */
    record Result(Outcome outcome, int exitCode) {
    }

    /**
     * Runs {@code args} in the daemon at {@code socket}, copying its stdout and stderr to {@code out} and
     * {@code err}. A socket file without a daemon behind it is removed. The daemon must run as the owner of the
     * socket's directory ({@link #privateDirectory} checked that this is the caller).
     *
     * @throws IOException when the daemon stopped during the command
     */
    static Result forward(Path socket, Path cwd, List<String> args, OutputStream out, OutputStream err) throws IOException {
        return forward(socket, Files.getOwner(socket.getParent(), LinkOption.NOFOLLOW_LINKS), Identity.current().groups(), cwd,
                args, out, err);
    }

    /**
     * As {@link #forward(Path, Path, List, OutputStream, OutputStream)}, with the user the daemon must run as and the
     * group set reported to it.
     */
    static Result forward(Path socket, UserPrincipal expected, Set<Long> groups, Path cwd, List<String> args, OutputStream out,
                          OutputStream err) throws IOException {
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
            UnixDomainPrincipal server = ch.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!server.user().equals(expected)) {
                warn(err, "the daemon socket " + socket + " is served by user " + server.user().getName() + ", not "
                        + expected.getName() + ": nothing sent, running here");
                return new Result(Outcome.REFUSED, 0);
            }
            writeFully(ch, request(cwd, groups, args));
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
                if (length < 0 || length > (1 << 24)) {
                    throw new IOException("the repgap daemon sent a frame of " + length + " bytes");
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                if (!readFully(ch, body)) {
                    throw new IOException("the repgap daemon stopped during the command (see " + log(socket) + ")");
                }
                if (type == REFUSED) {
                    warn(err, "the daemon refused this command (" + new String(body.array(), StandardCharsets.UTF_8)
                            + "): running here");
                    return new Result(Outcome.REFUSED, 0);
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

    private static void warn(OutputStream err, String message) throws IOException {
        err.write(("repgap: warning: " + message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        err.flush();
    }

    /** The bytes of a request: length, magic, version, working directory, arguments, group set. */
    static byte[] request(Path cwd, Set<Long> groups, List<String> args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(cwd.toAbsolutePath().toString());
        d.writeInt(args.size());
        for (String a : args) {
            d.writeUTF(a);
        }
        d.writeInt(groups.size());
        for (long g : groups) {
            d.writeLong(g);
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
     * session (so that closing the terminal does not stop it); it appends its output to {@link #log} itself
     * ({@link #openLog}: a redirect here would follow a link at that path).
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
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    // ---------------------------------------------------------------- server

    /** Entry point of the daemon process: {@code Daemon SOCKET}. */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty("java.awt.headless", "true");
        Path socket = Path.of(args[0]);
        PrintStream logStream = openLog(log(socket));
        System.setOut(logStream);
        System.setErr(logStream);
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
        private final Identity self;
        private final AtomicBoolean busy = new AtomicBoolean();
        private volatile long lastActive = System.nanoTime();
        private volatile boolean stopping;

        private Server(Path socket, ServerSocketChannel channel, Duration idle, Runnable onAbandon, Identity self) {
            this.socket = socket;
            this.channel = channel;
            this.idle = idle;
            this.onAbandon = onAbandon;
            this.self = self;
        }

        /**
         * Binds {@code socket}; returns {@code null} when a daemon already answers there (a stale socket file is
         * replaced).
         *
         * @param onAbandon run when a client goes away before its command finished (the process exits then)
         */
        static Server bind(Path socket, Duration idle, Runnable onAbandon) throws IOException {
            return bind(socket, idle, onAbandon, null);
        }

        /**
         * As {@link #bind(Path, Duration, Runnable)}, serving only clients of {@code self}; {@code null}: this process's
         * group set, with its user and primary group as the kernel reports them on a connection to itself (exact ids).
         */
        static Server bind(Path socket, Duration idle, Runnable onAbandon, Identity self) throws IOException {
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
            try {
                return new Server(socket, ch, idle, onAbandon, self != null ? self : kernelIdentity(ch, socket));
            } catch (IOException | RuntimeException e) {
                ch.close();
                Files.deleteIfExists(socket);
                throw e;
            }
        }

        /** This process's identity with the user and group the kernel gives a connection from it to itself. */
        private static Identity kernelIdentity(ServerSocketChannel ch, Path socket) throws IOException {
            try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                probe.connect(UnixDomainSocketAddress.of(socket));
                ch.accept().close(); // queued: the loop has not started
                return Identity.current().withPrincipal(probe.getOption(ExtendedSocketOptions.SO_PEERCRED));
            }
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
                UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
                Set<Long> peerGroups = new TreeSet<>();
                String[] request = readRequest(client, peerGroups);
                if (request == null) {
                    return;
                }
                String why = refusal(self, peer, peerGroups);
                if (why != null) {
                    log("refused a client: %s", why);
                    frame(client, REFUSED, why.getBytes(StandardCharsets.UTF_8));
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
                int code;
                try {
                    code = run(client, cwd, args);
                } finally {
                    lastActive = System.nanoTime();
                    busy.set(false);
                }
                // free before the client has its answer: its next command must not find the daemon busy
                frame(client, EXIT, ByteBuffer.allocate(4).putInt(code).array());
                // the client has its answer: give the command's memory back before waiting for the next one
                System.gc();
            } catch (IOException e) {
                log("request failed: %s", e);
            }
        }

        /**
         * The working directory followed by the arguments, or {@code null} when the client sent nothing; the client's
         * group set goes to {@code groups}.
         */
        private static String[] readRequest(SocketChannel client, Set<Long> groups) throws IOException {
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
            int argc = d.readInt();
            if (argc < 0 || argc > n) {
                throw new IOException("request with " + argc + " arguments");
            }
            String[] out = new String[1 + argc];
            out[0] = cwd;
            for (int i = 1; i < out.length; i++) {
                out[i] = d.readUTF();
            }
            int g = d.readInt();
            if (g < 0 || g > 65536) {
                throw new IOException("request with " + g + " groups");
            }
            for (int i = 0; i < g; i++) {
                groups.add(d.readLong());
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

        /** Runs the command with its output sent to the client; returns the exit code (not yet sent). */
        private int run(SocketChannel client, Path cwd, String[] args) throws IOException {
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
            return code;
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
