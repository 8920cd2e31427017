package dev.uringlab.orchestrator.window;

import dev.uringlab.orchestrator.process.ToolException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The barrier protocol as the C helper speaks it: one line per connection, answered after the window moved. */
class IoBarrierTest {

    /** Records the window's moves, as "open"/"close" events in order, optionally slow or failing. */
    static final class Recording implements IoWindow {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile long delayMillis;
        volatile String failOn;

        @Override
        public void open() throws ToolException {
            move("open");
        }

        @Override
        public void close() throws ToolException {
            move("close");
        }

        private void move(String what) throws ToolException {
            if (what.equals(failOn)) {
                throw new ToolException("bpftrace did not print its maps on SIGUSR1 within 10 s");
            }
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add(what);
        }
    }

    static String send(Path socket, String line) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            c.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer in = ByteBuffer.allocate(256);
            while (c.read(in) >= 0) {
                if (new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).contains("\n")) {
                    break;
                }
            }
            return new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII).strip();
        }
    }

    @Test
    void oneJobOpensAndClosesTheWindowOnceEach() throws Exception {
        Recording window = new Recording();
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            assertFalse(barrier.opened());
            assertEquals("ok", send(barrier.socket(), "open"));
            assertTrue(barrier.opened());
            assertFalse(barrier.closed());
            assertEquals("ok", send(barrier.socket(), "close"));
            assertTrue(barrier.closed());
            assertTrue(barrier.closedNanos() > barrier.openedNanos());
            assertEquals(List.of("open", "close"), window.events);
            assertNull(barrier.failure());
        }
    }

    @Test
    void theAnswerComesOnlyAfterTheDump() throws Exception {
        Recording window = new Recording();
        window.delayMillis = 300;
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            long t0 = System.nanoTime();
            assertEquals("ok", send(barrier.socket(), "open"));
            assertTrue(System.nanoTime() - t0 >= 300_000_000L, "answered before the window moved");
            assertEquals(List.of("open"), window.events);
        }
    }

    @Test
    void withSeveralJobsTheFirstOpenAndTheLastCloseMoveTheWindow() throws Exception {
        Recording window = new Recording();
        try (IoBarrier barrier = IoBarrier.start(window, 3)) {
            for (int job = 0; job < 3; job++) {
                assertEquals("ok", send(barrier.socket(), "open"));
            }
            assertEquals(List.of("open"), window.events);
            assertEquals("ok", send(barrier.socket(), "close"));
            assertEquals("ok", send(barrier.socket(), "close"));
            assertFalse(barrier.closed(), "closed while a job still did I/O");
            assertEquals("ok", send(barrier.socket(), "close"));
            assertTrue(barrier.closed());
            assertEquals(List.of("open", "close"), window.events);
        }
    }

    @Test
    void aFailedDumpIsAnsweredWithTheReasonAndKept() throws Exception {
        Recording window = new Recording();
        window.failOn = "open";
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            String reply = send(barrier.socket(), "open");
            assertTrue(reply.startsWith("error ") && reply.contains("SIGUSR1"), reply);
            assertFalse(barrier.opened());
            assertTrue(barrier.failure().getMessage().contains("SIGUSR1"));
        }
    }

    @Test
    void anUnknownRequestIsRefusedWithoutMovingTheWindow() throws Exception {
        Recording window = new Recording();
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            assertTrue(send(barrier.socket(), "begin").startsWith("error unknown request 'begin'"));
            assertTrue(window.events.isEmpty());
        }
    }

    @Test
    void aCloseBeforeAnyOpenDoesNotCloseAWindowThatNeverOpened() throws Exception {
        Recording window = new Recording();
        try (IoBarrier barrier = IoBarrier.start(window, 1)) {
            assertEquals("ok", send(barrier.socket(), "close"));
            assertFalse(barrier.closed());
            assertTrue(window.events.isEmpty());
        }
    }

    @Test
    void closingRemovesTheSocketSoALateHelperFailsAtOnce() throws Exception {
        IoBarrier barrier = IoBarrier.start(new Recording(), 1);
        Path socket = barrier.socket();
        assertTrue(Files.exists(socket));
        barrier.close();
        barrier.close(); // idempotent: the run's finally closes again
        assertFalse(Files.exists(socket));
        assertFalse(Files.exists(socket.getParent()));
        assertThrows(IOException.class, () -> send(socket, "open"));
    }
}
