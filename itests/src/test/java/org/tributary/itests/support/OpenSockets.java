package org.tributary.itests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts this host's sockets from the kernel's tables ({@code /proc/net/tcp*}, {@code /proc/net/udp*}),
 * to show that a server let go of every connection and port it opened.
 */
public final class OpenSockets {

    private static final String ESTABLISHED = "01";
    private static final String CLOSE_WAIT = "08";

    private OpenSockets() {
    }

    /**
     * @return the TCP connections whose local port is {@code port} that the server still holds:
     *         established, or closed by the peer and not yet by the server
     */
    public static long tcpConnections(int port) throws IOException {
        return rows(List.of("tcp", "tcp6")).stream()
                .filter(row -> localPort(row) == port && (row[3].equals(ESTABLISHED) || row[3].equals(CLOSE_WAIT)))
                .count();
    }

    /** @return the UDP sockets bound to a port between {@code first} and {@code last} */
    public static long udpSockets(int first, int last) throws IOException {
        return rows(List.of("udp", "udp6")).stream()
                .filter(row -> localPort(row) >= first && localPort(row) <= last)
                .count();
    }

    /**
     * @return the UDP sockets that process {@code pid} holds bound to a port between {@code first} and
     *         {@code last}; other processes' sockets on this host do not count
     */
    public static long udpSocketsOf(long pid, int first, int last) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                String target = Files.isSymbolicLink(fd) ? Files.readSymbolicLink(fd).toString() : "";
                if (target.startsWith("socket:[")) {
                    inodes.add(target.substring("socket:[".length(), target.length() - 1));
                }
            }
        }
        return rows(List.of("udp", "udp6")).stream()
                .filter(row -> localPort(row) >= first && localPort(row) <= last && row.length > 9
                        && inodes.contains(row[9]))
                .count();
    }

    /** @return true when a TCP connection to {@code host:port} is accepted within a second */
    public static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String[]> rows(List<String> tables) throws IOException {
        List<String[]> rows = new java.util.ArrayList<>();
        for (String table : tables) {
            Path file = Path.of("/proc/net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    private static int localPort(String[] row) {
        String local = row[1];
        return Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
    }
}
