package org.consilium.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay to {@code localhost:targetPort} that carries the client's bytes at a bounded rate (the
 * answers at full speed): a county link, slow enough that a storescu batch is still running when a test
 * stops or kills the server behind it.
 */
public final class SlowLink implements AutoCloseable {

    private static final int CHUNK = 16 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final long bytesPerSecond;

    private SlowLink(ServerSocket listener, int targetPort, long bytesPerSecond) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
    }

    public static SlowLink to(int targetPort, long bytesPerSecond) throws IOException {
        SlowLink link = new SlowLink(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()), targetPort, bytesPerSecond);
        Thread.ofPlatform().daemon().name("slow-link-" + link.port()).start(link::accept);
        return link;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofPlatform().daemon().start(() -> pipe(client, server, bytesPerSecond));
                Thread.ofPlatform().daemon().start(() -> pipe(server, client, Long.MAX_VALUE));
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its connection end
            }
        }
    }

    /** Copies until either side ends, then closes both so that the other direction ends too. */
    private static void pipe(Socket from, Socket to, long rate) {
        byte[] buf = new byte[CHUNK];
        long start = System.nanoTime();
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                out.flush();
                sent += n;
                long due = start + sent * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (rate != Long.MAX_VALUE && wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        } catch (IOException | InterruptedException e) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
