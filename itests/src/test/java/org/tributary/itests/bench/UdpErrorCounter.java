package org.tributary.itests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the host's UDP {@code RcvbufErrors} from {@code /proc/net/snmp}: datagrams the kernel
 * dropped because a socket's receive buffer was full, which tells loss in the tool's own sockets
 * apart from loss in the server.
 */
final class UdpErrorCounter {

    private static final Path SNMP = Path.of("/proc/net/snmp");

    private UdpErrorCounter() {
    }

    /** Returns the counter now, or -1 when /proc/net/snmp is not readable. */
    static long receiveBufferErrors() {
        try {
            return receiveBufferErrors(Files.readAllLines(SNMP));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Reads {@code RcvbufErrors} from the two {@code Udp:} lines (names, then values) of an snmp listing. */
    static long receiveBufferErrors(List<String> snmp) {
        List<String> udp = snmp.stream().filter(line -> line.startsWith("Udp: ")).toList();
        if (udp.size() < 2) {
            throw new IllegalArgumentException("no Udp: name and value lines in " + snmp);
        }
        List<String> names = Arrays.asList(udp.get(0).trim().split("\\s+"));
        String[] values = udp.get(1).trim().split("\\s+");
        int index = names.indexOf("RcvbufErrors");
        if (index < 1 || index >= values.length) {
            throw new IllegalArgumentException("no RcvbufErrors value in " + udp);
        }
        return Long.parseLong(values[index]);
    }
}
