package org.tributary.webconsole.internal.http;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class RequestGuardTest {

    @Test
    public void readsNeedNoProof() {
        assertFalse(RequestGuard.refusal("GET", null, null, "h:8181").isPresent());
        assertFalse(RequestGuard.refusal("HEAD", null, "http://evil.example", "h:8181").isPresent());
    }

    @Test
    public void stateChangesNeedTheHeaderOrTheSameOrigin() {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            assertTrue(method, RequestGuard.refusal(method, null, null, "h:8181").isPresent());
            assertTrue(method, RequestGuard.refusal(method, "", "http://evil.example", "h:8181").isPresent());
            assertTrue(method, RequestGuard.refusal(method, null, "http://h:9999", "h:8181").isPresent());
            assertTrue(method, RequestGuard.refusal(method, null, "null", "h:8181").isPresent());
            assertFalse(method, RequestGuard.refusal(method, "1", null, null).isPresent());
            assertFalse(method, RequestGuard.refusal(method, null, "http://h:8181", "h:8181").isPresent());
        }
    }
}
