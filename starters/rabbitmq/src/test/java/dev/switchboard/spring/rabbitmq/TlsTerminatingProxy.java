package dev.switchboard.spring.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS endpoint in front of the local RabbitMQ, which listens only on plain 5672 and is shared:
 * it accepts TLS on a free port of 127.0.0.1 with the given certificate and forwards the decrypted
 * bytes both ways to {@code 127.0.0.1:5672}. It counts completed and failed handshakes.
 */
final class TlsTerminatingProxy implements AutoCloseable {

    private final SSLServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger failedHandshakes = new AtomicInteger();

    TlsTerminatingProxy(SSLContext tls, InetSocketAddress target) throws IOException {
        this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread acceptor = new Thread(this::accept, "tls-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int handshakes() {
        return handshakes.get();
    }

    int failedHandshakes() {
        return failedHandshakes.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                open.add(client);
                Thread connection = new Thread(() -> serve(client), "tls-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try {
            client.startHandshake();
        } catch (IOException refused) {
            failedHandshakes.incrementAndGet();
            closeQuietly(client);
            return;
        }
        handshakes.incrementAndGet();
        try {
            Socket broker = new Socket();
            broker.connect(target, 5_000);
            open.add(broker);
            pump(broker.getInputStream(), client.getOutputStream(), client, broker);
            pump(client.getInputStream(), broker.getOutputStream(), client, broker);
        } catch (IOException unreachable) {
            closeQuietly(client);
        }
    }

    private static void pump(InputStream from, OutputStream to, Socket... ends) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                for (int read; (read = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, read);
                    to.flush();
                }
            } catch (IOException closed) {
                // One side went away: close both.
            } finally {
                for (Socket end : ends) {
                    closeQuietly(end);
                }
            }
        }, "tls-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(TlsTerminatingProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is all that is left to do.
        }
    }
}
