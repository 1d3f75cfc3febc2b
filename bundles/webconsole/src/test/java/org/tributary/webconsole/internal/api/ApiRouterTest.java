package org.tributary.webconsole.internal.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.tributary.api.MediaException;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.api.ProtocolServer;
import org.tributary.webconsole.internal.model.FakeServices;

public class ApiRouterTest {

    private final FakeServices services = new FakeServices();
    private final ApiRouter router = new ApiRouter(services);

    private ApiResponse call(String method, String path) {
        return router.handle(method, path, Map.of(), InputStream.nullInputStream());
    }

    @Test
    public void statusCountsSessionsByKindAndListsEndpoints() {
        services.rtsp(8554);
        services.session("1", "/sample.mp4", "127.0.0.1:5000", "viewer");
        services.session("2", "/live/x", "127.0.0.2:5000", "publisher");

        ApiResponse status = call("GET", "status");

        assertEquals(200, status.status());
        assertTrue(status.json(), status.json().contains("\"serving\":true"));
        assertTrue(status.json(), status.json().contains("\"sessions\":{\"total\":2,\"listener\":0,\"publisher\":1,\"viewer\":1}"));
        assertTrue(status.json(), status.json().contains("\"port\":8554"));
    }

    @Test
    public void sessionsFilterByPathAndAddressAndEscapeTheUserAgent() {
        services.session("1", "/sample.mp4", "127.0.0.1:5000", "viewer").userAgent = "<script>alert(1)</script>";
        services.session("2", "/live/x", "127.0.0.2:5000", "viewer");

        String all = call("GET", "sessions").json();
        assertTrue(all, all.contains("\"id\":\"1\"") && all.contains("\"id\":\"2\""));
        assertFalse(all, all.contains("<script>"));
        assertTrue(all, all.contains("\\u003Cscript\\u003E"));

        String byPath = router.handle("GET", "sessions", Map.of("path", "LIVE"), null).json();
        assertTrue(byPath, byPath.contains("\"id\":\"2\"") && !byPath.contains("\"id\":\"1\""));
        String byAddress = router.handle("GET", "sessions", Map.of("address", "127.0.0.1"), null).json();
        assertTrue(byAddress, byAddress.contains("\"id\":\"1\"") && !byAddress.contains("\"id\":\"2\""));
    }

    @Test
    public void kickClosesTheSessionAndAnUnknownIdIs404WithAMessage() {
        FakeServices.FakeSession s = services.session("abc", "/sample.mp4", "127.0.0.1:5000", "viewer");

        ApiResponse kicked = call("DELETE", "sessions/abc");
        assertEquals(200, kicked.status());
        assertTrue(s.closed);

        ApiResponse unknown = call("DELETE", "sessions/NOSUCHID");
        assertEquals(404, unknown.status());
        assertEquals("{\"message\":\"No session with id NOSUCHID (it may have ended already)\"}", unknown.json());
    }

    @Test
    public void unknownPathIs404AndWrongMethodIs405() {
        assertEquals(404, call("GET", "nothing").status());
        assertEquals(404, call("GET", "").status());
        assertEquals(404, call("POST", "service/restart").status());
        ApiResponse wrong = call("POST", "status");
        assertEquals(405, wrong.status());
        assertTrue(wrong.json(), wrong.json().contains("\"allow\":[\"GET\"]"));
        assertEquals(405, call("GET", "sessions/1").status());
        assertEquals(405, call("GET", "service/stop").status());
        assertEquals(java.util.Set.of("GET", "POST"), router.allowedMethods("playlists"));
        assertTrue(router.allowedMethods("nothing").isEmpty());
    }

    @Test
    public void serviceStopAndStartEveryServer() {
        ProtocolServer rtsp = services.rtsp(8554);

        assertEquals(200, call("POST", "service/stop").status());
        assertFalse(rtsp.serving());
        assertTrue(call("GET", "status").json().contains("\"serving\":false"));
        assertEquals(200, call("POST", "service/start").status());
        assertTrue(rtsp.serving());
    }

    @Test
    public void missingCapabilitiesAnswerClearly() {
        assertEquals(503, call("PUT", "media/a.mp4").status());
        assertEquals(404, call("POST", "playlists/channel1/skip").status());
        assertTrue(call("GET", "media").json().contains("\"available\":false"));
        assertEquals(503, call("POST", "playlists").status());
        for (String read : List.of("broadcasts", "stations", "playlists", "relays", "log", "history")) {
            assertEquals(read, 200, call("GET", read).status());
        }
    }

    @Test
    public void uploadOverTheLimitIs413AndOthersMapTheLibrarysReason() {
        services.rtsp(8554);
        services.media = new MediaLibrary() {
            @Override
            public List<MediaItem> list() {
                return List.of(new MediaItem("dir/a b.mp4", 10, Instant.EPOCH, 1.5, List.of("H264"), 1000, ""));
            }

            @Override
            public long maxUploadBytes() {
                return 10;
            }

            @Override
            public MediaItem store(String name, InputStream data) throws MediaException {
                try {
                    if (data.readNBytes(11).length > 10) {
                        throw new MediaException(MediaException.Reason.INVALID, "too large");
                    }
                } catch (java.io.IOException e) {
                    throw new MediaException(MediaException.Reason.INVALID, "unreadable");
                }
                throw new MediaException(MediaException.Reason.UNSUPPORTED, name + " is not a movie");
            }

            @Override
            public void delete(String name) throws MediaException {
                throw new MediaException(MediaException.Reason.NOT_FOUND, "No file " + name);
            }
        };

        assertEquals(413, router.refuseEarly("PUT", "media/big.mp4", 11).orElseThrow().status());
        assertTrue(router.refuseEarly("PUT", "media/big.mp4", 10).isEmpty());
        assertTrue(router.refuseEarly("GET", "media", 1000).isEmpty());
        assertEquals(413, router.handle("PUT", "media/big.mp4", Map.of(),
                new ByteArrayInputStream(new byte[100])).status());
        assertEquals(415, router.handle("PUT", "media/a.txt", Map.of(),
                new ByteArrayInputStream(new byte[3])).status());
        assertEquals(404, call("DELETE", "media/none.mp4").status());
        String media = router.handle("GET", "media", Map.of("host", "example.org"), null).json();
        assertTrue(media, media.contains("rtsp://example.org:8554/dir/a%20b.mp4"));
        assertTrue(media, media.contains("\\u003Cembed"));
    }
}
