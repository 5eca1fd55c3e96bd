package org.consilium.dicom.net.association;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A socket output stream whose writes may not block longer than a limit. Java socket writes have no
 * timeout: a peer that stops reading would hold the association's thread and slot forever. One daemon
 * thread checks every second and closes the socket of a write stalled past the limit, which fails it.
 */
final class StallGuard extends FilterOutputStream {

    private static final System.Logger LOG = System.getLogger(StallGuard.class.getName());
    private static final Set<StallGuard> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread.ofPlatform().daemon().name("dicom-write-watchdog").start(StallGuard::watch);
    }

    private final long limitNanos;
    private final Closeable socket;
    private volatile long writingSince;

    StallGuard(OutputStream out, Duration limit, Closeable socket) {
        super(out);
        this.limitNanos = limit.toNanos();
        this.socket = socket;
        WATCHED.add(this);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        writingSince = System.nanoTime() | 1;
        try {
            out.write(b, off, len);
        } finally {
            writingSince = 0;
        }
    }

    /** Stops watching; the socket itself is closed by its owner. */
    @Override
    public void close() {
        WATCHED.remove(this);
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (StallGuard g : WATCHED) {
                long since = g.writingSince;
                if (since != 0 && now - since > g.limitNanos) {
                    LOG.log(System.Logger.Level.WARNING, "peer stopped reading for {0} s: closing the association",
                            g.limitNanos / 1_000_000_000L);
                    WATCHED.remove(g);
                    try {
                        g.socket.close();
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "close: {0}", e.toString());
                    }
                }
            }
        }
    }
}
