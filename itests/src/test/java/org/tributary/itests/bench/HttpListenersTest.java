package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.Test;

public class HttpListenersTest {

    /** Answers each connection with {@code head} and then 4,000 bytes, and keeps it open until closed. */
    private static Thread serve(ServerSocket server, String head) {
        Thread thread = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    OutputStream out = socket.getOutputStream();
                    out.write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[4000]);
                    out.flush();
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** What a test checks on listeners of a server answering {@code head}. */
    private interface Check {
        void on(HttpListeners listeners) throws Exception;
    }

    private static void listen(String head, int count, Check check) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            serve(server, head);
            try (HttpListeners listeners = HttpListeners.start(
                    new InetSocketAddress("127.0.0.1", server.getLocalPort()), "/bench", count)) {
                check.on(listeners);
            }
        }
    }

    @Test
    public void everyListenerIsAnsweredAndCountsItsBytes() throws Exception {
        listen("HTTP/1.0 200 OK", 40, listeners -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> listeners.answered() == 40
                    && Arrays.stream(listeners.bytes()).allMatch(bytes -> bytes > 4000));
            assertEquals(0, listeners.refused());
            assertTrue(listeners.cpuNanos() > 0);
        });
    }

    @Test
    public void aStatusOtherThan200IsARefusal() throws Exception {
        listen("HTTP/1.0 404 Not Found", 3, listeners -> {
            await().atMost(Duration.ofSeconds(20)).until(() -> listeners.refused() == 3);
            assertEquals(0, listeners.answered());
            assertEquals(0, listeners.bytes().length);
        });
    }
}
