package org.tributary.itests.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/** A reference server run as a child process on 127.0.0.1: whether it accepts yet, and its stop. */
final class LocalServerProcess {

    private LocalServerProcess() {
    }

    /** Returns whether {@code process} accepts TCP on 127.0.0.1:{@code port}; fails when it has exited. */
    static boolean accepts(Process process, String name, int port) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Asks the process to end (SIGTERM) and kills it after 10 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
