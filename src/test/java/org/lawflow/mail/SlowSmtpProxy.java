package org.lawflow.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of an SMTP server that holds back the server's replies: every reply by {@code replyDelayMillis},
 * and the reply to the end of the message data (the "250 OK" after the lone ".") by {@code endOfDataDelayMillis}.
 * SMTP without pipelining is strict request/reply, so "a reply" is what the server writes after the client wrote.
 * The delays can be changed while mails are being sent (the server "becomes fast again").
 */
final class SlowSmtpProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int upstreamPort;
    volatile long replyDelayMillis;
    volatile long endOfDataDelayMillis;
    /** How many messages the client finished sending (the lone "." arrived), whatever became of the reply. */
    final AtomicInteger messagesTransmitted = new AtomicInteger();

    SlowSmtpProxy(int port, int upstreamPort) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        Thread acceptor = new Thread(this::accept, "slow-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                var connection = new Connection(client, server);
                start("slow-smtp-up", () -> connection.clientToServer());
                start("slow-smtp-down", () -> connection.serverToClient());
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(String name, Runnable pump) {
        Thread t = new Thread(pump, name);
        t.setDaemon(true);
        t.start();
    }

    private final class Connection {
        final Socket client;
        final Socket server;
        /** Set when the client finished a message; the server's next reply is the one to the end of data. */
        volatile boolean endOfDataPending;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            byte[] tail = new byte[END_OF_DATA.length];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0;) {
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(tail, 1, tail, 0, tail.length - 1);
                        tail[tail.length - 1] = buffer[i];
                        if (java.util.Arrays.equals(tail, END_OF_DATA)) {
                            endOfDataPending = true;
                            messagesTransmitted.incrementAndGet();
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side hung up
            } finally {
                closeBoth();
            }
        }

        void serverToClient() {
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0;) {
                    long delay = endOfDataPending ? endOfDataDelayMillis : replyDelayMillis;
                    endOfDataPending = false;
                    Thread.sleep(delay);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // one side hung up (the client gave up waiting)
            } finally {
                closeBoth();
            }
        }

        void closeBoth() {
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
