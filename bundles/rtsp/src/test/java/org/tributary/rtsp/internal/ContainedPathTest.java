package org.tributary.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.netty.handler.codec.rtsp.RtspResponseStatuses;
import org.junit.Test;

/** The early 404 for request paths that try to leave their mount, before any rule or credential. */
public class ContainedPathTest {

    @Test
    public void plainPathsPass() throws RtspException {
        for (String path : new String[] {"/sample.mp4", "/", "", "/live/cam", "/live/cam/", "/private/a b.mp4",
            "/100%.mp4", "/feeds/x.sdp"}) {
            ServerContext.requireContainedPath(path);
        }
    }

    @Test
    public void escapesAre404() {
        for (String path : new String[] {"/../etc/passwd", "/a/../../b", "/..", "/a/./b", "/a\\..\\b", "//etc/passwd",
            "/%2e%2e/secret.mp4", "/a%2f..%2fb", "/%252e%252e/x", "/a\u0000.mp4", "/C:/x", "/a//b",
            "/" + "a/".repeat(600) + "x"}) {
            try {
                ServerContext.requireContainedPath(path);
                fail(path + " passed");
            } catch (RtspException e) {
                assertEquals(path, RtspResponseStatuses.NOT_FOUND, e.status());
            }
        }
    }
}
