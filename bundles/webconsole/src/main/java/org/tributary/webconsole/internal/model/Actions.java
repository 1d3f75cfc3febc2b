package org.tributary.webconsole.internal.model;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tributary.api.Programme;
import org.tributary.api.ProtocolServer;
import org.tributary.api.StreamSession;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.json.JsonWriter;

/** The write side of the API: kick, service start/stop, playlist control, media and playlist creation. */
public final class Actions {

    private final Services services;
    private final MediaActions media;
    private final PlaylistCreator playlists;

    /** @param services what to act on */
    public Actions(Services services) {
        this.services = services;
        this.media = new MediaActions(services);
        this.playlists = new PlaylistCreator(services);
    }

    /**
     * Ends a session.
     *
     * @param id the session's id
     * @return 200 naming the session, or 404 when there is no such session
     */
    public ApiResponse kick(String id) {
        if (services.sessionRegistry().isEmpty()) {
            return ApiResponse.message(503, "Sessions are not available: the core bundle is not running");
        }
        Optional<StreamSession> session = services.sessionRegistry().get().find(id);
        if (session.isEmpty()) {
            return ApiResponse.message(404, "No session with id " + id + " (it may have ended already)");
        }
        StreamSession s = session.get();
        s.close();
        return ApiResponse.message(200, "Kicked session " + s.id() + " of " + s.clientAddress() + " on " + s.path());
    }

    /**
     * Stops or starts every protocol server's listeners.
     *
     * @param on true to start serving, false to stop
     * @return 200 with each server's result, 503 without servers, 501 when none can do it
     */
    public ApiResponse serve(boolean on) {
        List<ProtocolServer> servers = services.servers();
        if (servers.isEmpty()) {
            return ApiResponse.message(503, "No protocol server is running");
        }
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ProtocolServer server : servers) {
            try {
                server.serve(on);
                done.add(server.protocol());
            } catch (RuntimeException e) {
                failed.add(server.protocol() + ": " + e.getMessage());
            }
        }
        int status = done.isEmpty() ? 501 : 200;
        return new ApiResponse(status, JsonWriter.json(w -> {
            w.object().field("message", (on ? "Started " : "Stopped ") + String.join(", ", done)
                    + (failed.isEmpty() ? "" : "; not supported: " + String.join("; ", failed)));
            w.field("serving", on).array("servers");
            done.forEach(w::value);
            w.end().array("failed");
            failed.forEach(w::value);
            w.end().end();
        }));
    }

    /**
     * Controls a playlist.
     *
     * @param path the programme's path, with or without a leading '/'
     * @param verb start, stop or skip
     * @return 200, 404 for an unknown playlist, 501 when it cannot do that
     */
    public ApiResponse programme(String path, String verb) {
        String wanted = strip(path);
        Optional<Programme> found = services.programmes().stream().filter(p -> strip(p.path()).equals(wanted))
                .findFirst();
        if (found.isEmpty()) {
            return ApiResponse.message(404, "No playlist at " + wanted);
        }
        try {
            switch (verb) {
                case "start" -> found.get().start();
                case "stop" -> found.get().stop();
                default -> found.get().skip();
            }
        } catch (UnsupportedOperationException e) {
            return ApiResponse.message(501, "Playlist " + wanted + " cannot " + verb + ": " + e.getMessage());
        }
        return ApiResponse.message(200, "Playlist " + wanted + ": " + verb + " done");
    }

    /**
     * @param name the file's path below the media folder; untrusted
     * @param body its content
     * @return 201 with the stored file, or why not
     */
    public ApiResponse upload(String name, InputStream body) {
        return media.upload(name, body);
    }

    /**
     * @param max the upload limit in bytes
     * @return 413 naming the limit
     */
    public static ApiResponse tooLarge(long max) {
        return MediaActions.tooLarge(max);
    }

    /**
     * @param name the file's path below the media folder; untrusted
     * @return 200, or 404 when there is no such file
     */
    public ApiResponse deleteMedia(String name) {
        return media.delete(name);
    }

    /**
     * @param body a JSON object: {@code {"path": "channel1", "items": ["/a.mp4"], "mode": "loop"}}
     * @return 201, 400 for a bad request, 409 when the playlist exists
     */
    public ApiResponse createPlaylist(InputStream body) {
        return playlists.create(body);
    }

    private static String strip(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }
}
