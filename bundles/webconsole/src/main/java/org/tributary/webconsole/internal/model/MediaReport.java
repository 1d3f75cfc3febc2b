package org.tributary.webconsole.internal.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.tributary.api.Endpoint;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.api.ProtocolServer;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The media page: the folder's files with their {@code rtsp://} URL and an HTML snippet to embed them. */
public final class MediaReport {

    private MediaReport() {
    }

    /**
     * @param services what to read
     * @param host     the host name clients reach the server by, used when RTSP listens on every address
     * @return {@code {"available": bool, "maxUploadBytes": n, "media": [...]}}
     */
    public static String json(Services services, String host) {
        Optional<MediaLibrary> library = services.media();
        Optional<Endpoint> rtsp = firstBoundRtsp(services);
        return JsonWriter.json(w -> {
            w.object().field("available", library.isPresent())
                    .field("maxUploadBytes", library.map(MediaLibrary::maxUploadBytes).orElse(0L))
                    .array("media");
            for (MediaItem item : library.map(MediaLibrary::list).orElse(java.util.List.of())) {
                String url = rtsp.map(e -> url(e, host, item.path())).orElse("");
                w.object().field("path", item.path()).field("size", item.size())
                        .field("modified", item.modified().toString())
                        .field("durationSeconds", item.durationSeconds()).field("bitRate", item.bitRate())
                        .field("problem", item.problem()).field("url", url).field("embed", embed(url));
                w.array("codecs");
                item.codecs().forEach(w::value);
                w.end().end();
            }
            w.end().end();
        });
    }

    /**
     * @param services what to read
     * @return the first bound endpoint of the RTSP server, if any
     */
    public static Optional<Endpoint> firstBoundRtsp(Services services) {
        return services.servers().stream().filter(s -> "RTSP".equalsIgnoreCase(s.protocol()))
                .map(ProtocolServer::endpoints).flatMap(java.util.List::stream).filter(Endpoint::bound).findFirst();
    }

    /**
     * @param endpoint an RTSP endpoint
     * @param host     the host to name when the endpoint listens on every address
     * @param path     a media path below the folder
     * @return the URL to play it, with the path percent-encoded
     */
    static String url(Endpoint endpoint, String host, String path) {
        String address = endpoint.address();
        if (address == null || address.isEmpty() || address.equals("0.0.0.0") || address.equals("::")) {
            address = host == null || host.isEmpty() ? "localhost" : host;
        }
        try {
            return new URI("rtsp", null, address, endpoint.port(), "/" + path, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /**
     * @param url an RTSP URL, or empty
     * @return an HTML snippet that embeds it (QuickTime's embed, a link for other players), or empty
     */
    static String embed(String url) {
        if (url.isEmpty()) {
            return "";
        }
        String safe = Html.escape(url);
        return "<embed src=\"" + safe + "\" qtsrc=\"" + safe + "\" type=\"video/quicktime\" width=\"640\""
                + " height=\"376\" autoplay=\"true\" controller=\"true\"></embed><br><a href=\"" + safe + "\">"
                + safe + "</a>";
    }
}
