package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

/** Request targets: decoded once, query raw, anything that is not a clean path refused. */
public class RequestTargetTest {

    @Test
    public void pathsAreDecodedOnceAndQueriesKeptRaw() {
        assertEquals(new RequestTarget("/radio", ""), RequestTarget.parse("/radio"));
        assertEquals(new RequestTarget("/a b/c+d", "x=%20&y"), RequestTarget.parse("/a%20b/c+d?x=%20&y"));
        assertEquals(new RequestTarget("/%2e", ""), RequestTarget.parse("/%252e"));
        assertEquals(new RequestTarget("/caf\u00e9", ""), RequestTarget.parse("/caf%C3%A9"));
        assertEquals(new RequestTarget("/radio", "a"), RequestTarget.parse("http://host:8000/radio?a"));
        assertEquals(new RequestTarget("/", ""), RequestTarget.parse("http://host:8000"));
        assertEquals(new RequestTarget("/a", ""), RequestTarget.parse("/a#frag"));
    }

    @Test
    public void badTargetsAreRefused() {
        for (String bad : new String[] {"*", "radio", "", "/a%", "/a%2", "/a%zz", "/a%00", "/a%0d%0a", "/a%7f",
            "/a%c3%28", "/a%ff", "/\u0100", "/" + "a".repeat(RequestTarget.MAX_LENGTH)}) {
            try {
                RequestTarget.parse(bad);
                fail(bad + " was accepted");
            } catch (IllegalArgumentException expected) {
                // refused with its cause
            }
        }
    }
}
