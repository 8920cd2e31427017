package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.ToolException;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server side of the probe-window barrier: a unix socket a workload's helper
 * ({@code uringlab-barrier SOCKET open|close}, or ringbench's {@code --barrier}) connects to once per
 * event, sending {@code open} or {@code close} and waiting for {@code ok}.
 *
 * <p>{@code jobs} workers each send one {@code open} and one {@code close} (fio runs exec_prerun and
 * exec_postrun in every job, numjobs clones included). The window opens at the first {@code open}
 * and closes at the {@code jobs}-th {@code close}, so every job's I/O is inside it; the others are
 * answered at once. An {@link IoWindow} failure is answered with {@code error ...}: the helper exits
 * non-zero and fio fails the job, instead of measuring in a window that was not moved.
 *
 * <p>The socket lives in a fresh directory under the temporary directory, not in the run directory:
 * a unix socket path holds at most 107 bytes, and run directories can be longer.
 */
public final class IoBarrier implements AutoCloseable {

    public static final String OPEN = "open";
    public static final String CLOSE = "close";
    static final String SOCKET = "barrier.sock";
    private static final int MAX_LINE = 64;

    private final Path dir;
    private final Path socket;
    private final ServerSocketChannel server;
    private final IoWindow window;
    private final int jobs;
    private final Thread acceptor;
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicLong closedAt = new AtomicLong(-1);
    private final AtomicLong waitedNanos = new AtomicLong();
    private int closes;
    private volatile ToolException failure;

    private IoBarrier(Path dir, ServerSocketChannel server, IoWindow window, int jobs) {
        this.dir = dir;
        this.socket = dir.resolve(SOCKET);
        this.server = server;
        this.window = window;
        this.jobs = jobs;
        this.acceptor = new Thread(this::serve, "uringlab-io-barrier");
        this.acceptor.setDaemon(true);
    }

    /** Listens for {@code jobs} workers' open/close events; {@link #close} removes the socket. */
    public static IoBarrier start(IoWindow window, int jobs) throws ToolException {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1: " + jobs);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory(BarrierDirs.prefix()); // named after us: see BarrierDirs
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(dir.resolve(SOCKET)));
            IoBarrier barrier = new IoBarrier(dir, server, window, jobs);
            barrier.acceptor.start();
            return barrier;
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new ToolException("cannot create the probe-window socket under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The socket path to hand to the workload's helper. */
    public Path socket() {
        return socket;
    }

    /** True once the first worker said its I/O begins and the window was opened. */
    public boolean opened() {
        return openedAt.get() >= 0;
    }

    /** True once the last worker said its I/O ended and the window was closed. */
    public boolean closed() {
        return closedAt.get() >= 0;
    }

    /** {@link System#nanoTime} when the opening dump was done; -1 before. */
    public long openedNanos() {
        return openedAt.get();
    }

    /** {@link System#nanoTime} when the closing dump was asked for; -1 before. */
    public long closedNanos() {
        return closedAt.get();
    }

    /** How long the workload was held waiting for the window's dumps: inside its wall time, but not its work. */
    public long waitedNanos() {
        return waitedNanos.get();
    }

    /** Why the window could not be moved, if an {@link IoWindow} call failed; null otherwise. */
    public ToolException failure() {
        return failure;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String request = readLine(client);
                write(client, answer(request));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // One helper hung up early (fio killed): its job failed; keep serving the others.
            }
        }
    }

    /** The window moves inside this call, so the reply (and the helper's return) comes after the dump. */
    private String answer(String request) {
        try {
            if (OPEN.equals(request)) {
                if (openedAt.get() < 0) {
                    long asked = System.nanoTime();
                    window.open();
                    openedAt.set(System.nanoTime());
                    waitedNanos.addAndGet(openedAt.get() - asked);
                }
                return "ok";
            }
            if (CLOSE.equals(request)) {
                if (++closes == jobs && openedAt.get() >= 0 && closedAt.get() < 0) {
                    // The window ends when the dump is asked for, as a process window ends at its closing dump.
                    long asked = System.nanoTime();
                    window.close();
                    closedAt.set(asked);
                    waitedNanos.addAndGet(System.nanoTime() - asked);
                }
                return "ok";
            }
            return "error unknown request '" + request + "' (expected open or close)";
        } catch (ToolException e) {
            failure = e;
            return "error " + e.getMessage().replace('\n', ' ');
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_LINE);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                break;
            }
            String sofar = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            if (sofar.indexOf('\n') >= 0) {
                break;
            }
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        int newline = text.indexOf('\n');
        return (newline >= 0 ? text.substring(0, newline) : text).strip();
    }

    private static void write(SocketChannel client, String reply) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            client.write(out);
        }
    }

    /** Stops listening and removes the socket and its directory; a helper connecting later fails at once. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way worth reporting
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        BarrierDirs.remove(dir); // what fails here, the next sweep's leftover scan removes (BarrierDirs.removeDead)
    }
}
