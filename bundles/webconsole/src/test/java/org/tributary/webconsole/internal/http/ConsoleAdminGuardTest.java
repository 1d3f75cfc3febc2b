package org.tributary.webconsole.internal.http;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.Test;

public class ConsoleAdminGuardTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void theShippedCredentialsAreRefusedFromBeyondLoopbackOnly() {
        assertTrue(ConsoleAdminGuard.shippedFromAfar(basic("karaf", "karaf"), "192.0.2.7"));
        assertTrue(ConsoleAdminGuard.shippedFromAfar(basic("karaf", "karaf"), "2001:db8::7"));
        assertTrue("an address that is not a literal is not known to be loopback",
                ConsoleAdminGuard.shippedFromAfar(basic("karaf", "karaf"), "localhost"));
        assertFalse(ConsoleAdminGuard.shippedFromAfar(basic("karaf", "karaf"), "127.0.0.1"));
        assertFalse(ConsoleAdminGuard.shippedFromAfar(basic("karaf", "karaf"), "::1"));
    }

    @Test
    public void anotherPasswordOrUserOrNoCredentialsIsLeftToTheLogin() {
        assertFalse(ConsoleAdminGuard.shippedFromAfar(basic("karaf", "s3cret"), "192.0.2.7"));
        assertFalse(ConsoleAdminGuard.shippedFromAfar(basic("admin", "karaf"), "192.0.2.7"));
        assertFalse(ConsoleAdminGuard.shippedFromAfar(null, "192.0.2.7"));
        assertFalse(ConsoleAdminGuard.shippedFromAfar("Bearer abc", "192.0.2.7"));
    }
}
