package dev.latchkey.testing.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a port of this machine that a test can cut (every connection closed, new ones refused), restore,
 * or slow down (every chunk held back before it is passed on, both ways), as a network or a database going away would.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile long delayMillis;

    private TcpProxy(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** Listens on a free port of the loopback interface and passes every connection on to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        ServerSocket socket = listen(0);
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(host, port), socket.getLocalPort());
        proxy.listener = socket;
        proxy.acceptOn(socket);
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Closes every connection and stops listening: a new connection is refused until {@link #restore()}. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** Listens again on the same port, and passes bytes on at once. */
    public synchronized void restore() {
        delayMillis = 0;
        if (listener == null) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    /** Holds every chunk read, either way, this long before passing it on (zero: at once). */
    public void delay(Duration delay) {
        delayMillis = delay.toMillis();
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket listen(int on) {
        try {
            ServerSocket socket = new ServerSocket();
            // The port is the one the server's DATABASE_URL names: take it back at once after a cut.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on port " + on, e);
        }
    }

    private void acceptOn(ServerSocket socket) {
        daemon("proxy-accept-" + port, () -> {
            while (!socket.isClosed()) {
                try {
                    connect(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        sockets.add(client);
        sockets.add(server);
        try {
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        daemon("proxy-up-" + port, () -> pump(client, server));
        daemon("proxy-down-" + port, () -> pump(server, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                long delay = delayMillis;
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side closed or was cut: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
