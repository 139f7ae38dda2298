package com.admitone.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay between a client and a real server that can lose the server's answers (or cut
 * the network altogether, {@link #cut}): while
 * {@link #dropAnswers} is on, every request still reaches the server in full, but as soon as the
 * server starts answering the relay reads nothing more and cuts both connections. To the client
 * this is a network that failed after the server did the work, the case idempotency keys exist for.
 */
public final class AnswerDroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicBoolean dropAnswers = new AtomicBoolean();
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicInteger dropped = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public AnswerDroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public void dropAnswers(boolean on) {
        dropAnswers.set(on);
    }

    /**
     * While on, the network is down between client and server: open connections are cut and new
     * ones closed at once, so no request reaches the server.
     */
    public void cut(boolean on) {
        cut.set(on);
        if (on) {
            open.forEach(AnswerDroppingProxy::closeQuietly);
            open.clear();
        }
    }

    /** How many answers the server sent that the client never got. */
    public int dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (cut.get()) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                relay(client, server, false);
                relay(server, client, true);
            } catch (IOException e) {
                if (!closed) {
                    // a refused connection to the server: the client sees the cut and retries
                    continue;
                }
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (cut.get()) {
                        break;
                    }
                    if (answers && dropAnswers.get()) {
                        // The server has answered (it applied the request): the client must never hear it.
                        dropped.incrementAndGet();
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, answers ? "proxy-answers" : "proxy-requests");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        open.forEach(AnswerDroppingProxy::closeQuietly);
    }
}
