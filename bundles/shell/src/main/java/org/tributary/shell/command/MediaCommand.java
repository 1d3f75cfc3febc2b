package org.tributary.shell.command;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tributary.api.Endpoint;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.api.ProtocolServer;

/**
 * {@code stream:media}: the media folder's movies and MP3 files with their duration, codecs, average bit
 * rate, size and {@code rtsp://} URL, and why a file cannot be played.
 */
@Service
@Command(scope = "stream", name = "media", description = "Lists the movies and MP3 files of the media folder")
public class MediaCommand implements Action {

    private static final String WILDCARD_V4 = "0.0.0.0";

    @Reference
    MediaLibrary library;

    @Reference(optional = true)
    List<ProtocolServer> servers;

    @Override
    public Object execute() {
        print(System.out, localHost());
        return null;
    }

    void print(PrintStream out, String localHost) {
        ShellTable table = new ShellTable();
        table.column("Path");
        table.column("Duration").alignRight();
        table.column("Codecs");
        table.column("kbit/s").alignRight();
        table.column("Size").alignRight();
        table.column("URL");
        table.column("Problem");
        Optional<Endpoint> rtsp = rtspEndpoint();
        for (MediaItem item : library.list()) {
            table.addRow().addContent(item.path(), BroadcastsCommand.uptime(Math.round(item.durationSeconds())),
                    String.join(", ", item.codecs()), item.bitRate() / 1000, size(item.size()),
                    item.problem().isEmpty() ? rtsp.map(e -> url(e, localHost, item.path())).orElse("") : "",
                    item.problem());
        }
        table.print(out);
    }

    private Optional<Endpoint> rtspEndpoint() {
        if (servers == null) {
            return Optional.empty();
        }
        return servers.stream().filter(s -> "RTSP".equals(s.protocol())).flatMap(s -> s.endpoints().stream())
                .filter(Endpoint::bound).findFirst();
    }

    /** @return the URL a player opens, with the host the server listens on, or this host's name for a wildcard */
    static String url(Endpoint endpoint, String localHost, String path) {
        String address = endpoint.address();
        String host = address.isEmpty() || address.equals(WILDCARD_V4) || address.equals("::") ? localHost : address;
        try {
            return new URI("rtsp", null, host, endpoint.port(), "/" + path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            return "rtsp://" + host + ":" + endpoint.port() + "/" + path;
        }
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f kB", bytes / 1024.0);
        }
        return bytes < 1024L * 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024))
                : String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
