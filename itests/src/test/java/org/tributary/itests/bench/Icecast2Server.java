package org.tributary.itests.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Debian's Icecast 2 ({@code /usr/bin/icecast2}) as the reference server beside Tributary: a minimal
 * {@code icecast.xml} in its own folder with the limits raised for thousands of listeners, a source
 * password, and the same burst on connect as Tributary's. Run as root it drops to the {@code icecast2}
 * user (Debian's package creates it), since Icecast refuses to run as root.
 */
final class Icecast2Server implements AutoCloseable {

    private final Process process;
    private final int port;

    private Icecast2Server(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes {@code folder/icecast.xml} and starts Icecast on 127.0.0.1:{@code port}; returns once it
     * accepts connections.
     */
    static Icecast2Server start(Path folder, int port, String password, int clients, int burstBytes)
            throws IOException {
        Path logs = Files.createDirectories(folder.resolve("log"));
        // Icecast writes its logs as the unprivileged user it switches to
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path config = folder.resolve("icecast.xml");
        Files.writeString(config, config(port, password, clients, burstBytes, logs));
        Process icecast = new ProcessBuilder("icecast2", "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("console.log").toFile()).start();
        Icecast2Server server = new Icecast2Server(icecast, port);
        try {
            await("icecast2 listening on port " + port).atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).until(server::accepts);
        } catch (RuntimeException | Error notReady) {
            server.close();
            throw new IllegalStateException("icecast2 did not start; see " + folder.resolve("console.log")
                    + " and " + logs.resolve("error.log"), notReady);
        }
        return server;
    }

    static String config(int port, String password, int clients, int burstBytes, Path logs) {
        String owner = "root".equals(System.getProperty("user.name"))
                ? "<changeowner><user>icecast2</user><group>icecast</group></changeowner>" : "";
        return """
                <icecast>
                  <location>loopback</location><admin>bench@localhost</admin>
                  <limits>
                    <clients>%d</clients><sources>4</sources><queue-size>524288</queue-size>
                    <client-timeout>30</client-timeout><header-timeout>15</header-timeout>
                    <source-timeout>10</source-timeout><burst-on-connect>1</burst-on-connect>
                    <burst-size>%d</burst-size>
                  </limits>
                  <authentication>
                    <source-password>%s</source-password><admin-user>admin</admin-user>
                    <admin-password>%s</admin-password>
                  </authentication>
                  <hostname>127.0.0.1</hostname>
                  <listen-socket><port>%d</port><bind-address>127.0.0.1</bind-address></listen-socket>
                  <fileserve>1</fileserve>
                  <paths>
                    <basedir>/usr/share/icecast2</basedir><logdir>%s</logdir>
                    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot>
                  </paths>
                  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
                  <security><chroot>0</chroot>%s</security>
                </icecast>
                """.formatted(clients, burstBytes, password, password, port, logs, owner);
    }

    /** @return the Icecast process's id */
    long pid() {
        return process.pid();
    }

    /** @return the port it listens on (127.0.0.1) */
    int port() {
        return port;
    }

    private boolean accepts() {
        return LocalServerProcess.accepts(process, "icecast2", port);
    }

    @Override
    public void close() {
        LocalServerProcess.stop(process);
    }
}
