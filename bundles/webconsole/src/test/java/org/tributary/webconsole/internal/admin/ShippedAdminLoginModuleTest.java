package org.tributary.webconsole.internal.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.junit.Test;

public class ShippedAdminLoginModuleTest {

    private static boolean login(String method, String address, String user, String password) throws LoginException {
        Subject subject = new Subject();
        if (method != null) {
            subject.getPrincipals().add(new ClientPrincipal(method, address));
        }
        ShippedAdminLoginModule module = new ShippedAdminLoginModule();
        module.initialize(subject, callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(user);
                } else if (callback instanceof PasswordCallback pw && password != null) {
                    pw.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }, Map.of(), Map.of());
        return module.login();
    }

    @Test
    public void theShippedPasswordFromBeyondLoopbackFailsTheLoginOverSshAndJmx() {
        FailedLoginException ssh = assertThrows(FailedLoginException.class,
                () -> login("ssh", "/10.0.0.5:51234", "karaf", "karaf"));
        assertEquals(ShippedAdmin.REFUSAL, ssh.getMessage());
        assertThrows(FailedLoginException.class, () -> login("jmx", "10.0.0.5", "karaf", "karaf"));
        assertThrows(FailedLoginException.class, () -> login("ssh", "/[2001:db8::1]:22", "karaf", "karaf"));
        assertThrows("an address that is not a literal is not loopback", FailedLoginException.class,
                () -> login("ssh", "somewhere", "karaf", "karaf"));
    }

    @Test
    public void everyOtherLoginIsLeftToTheRealmsOtherModules() throws LoginException {
        assertFalse("loopback", login("ssh", "/127.0.0.1:40000", "karaf", "karaf"));
        assertFalse("loopback, IPv6", login("ssh", "/0:0:0:0:0:0:0:1:40000", "karaf", "karaf"));
        assertFalse("JMX from loopback", login("jmx", "127.0.0.1", "karaf", "karaf"));
        assertFalse("a changed password", login("ssh", "/10.0.0.5:51234", "karaf", "s3cret"));
        assertFalse("another user", login("ssh", "/10.0.0.5:51234", "bob", "karaf"));
        assertFalse("a public key login gives no password", login("ssh", "/10.0.0.5:51234", "karaf", null));
        assertFalse("no client recorded (local console, web console)", login(null, null, "karaf", "karaf"));
    }

    @Test
    public void theHostIsTakenFromWhatKarafRecords() {
        assertEquals("10.0.0.5", ShippedAdminLoginModule.hostOf("/10.0.0.5:51234"));
        assertEquals("10.0.0.5", ShippedAdminLoginModule.hostOf("gateway/10.0.0.5:51234"));
        assertEquals("10.0.0.5", ShippedAdminLoginModule.hostOf("10.0.0.5"));
        assertEquals("::1", ShippedAdminLoginModule.hostOf("/[::1]:22"));
        assertEquals("0:0:0:0:0:0:0:1", ShippedAdminLoginModule.hostOf("/0:0:0:0:0:0:0:1:22"));
        assertEquals("", ShippedAdminLoginModule.hostOf(null));
    }
}
