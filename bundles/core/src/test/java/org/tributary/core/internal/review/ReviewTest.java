package org.tributary.core.internal.review;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReviewTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private static final KarafEncryption SHIPPED = KarafEncryption.from(Map.of());

    /** The distribution's shipped binds: everything on 127.0.0.1. */
    private static Map<String, Map<String, Object>> shippedBinds() {
        Map<String, Map<String, Object>> configs = new HashMap<>();
        configs.put(ConsoleBind.WEB_PID, new HashMap<>(Map.of("org.ops4j.pax.web.listening.addresses", "127.0.0.1")));
        configs.put(ConsoleBind.SSH_PID, new HashMap<>(Map.of("sshHost", "127.0.0.1")));
        configs.put(ConsoleBind.JMX_PID, new HashMap<>(Map.of("rmiRegistryHost", "127.0.0.1", "rmiServerHost", "localhost")));
        return configs;
    }

    private static List<Finding> review(ShippedAdmin.State admin, Map<String, Map<String, Object>> configs) {
        return Review.of(admin, SHIPPED, ConsoleBind.of(configs), List.of());
    }

    @Test
    public void theShippedAdminOnLoopbackIsOneWarningNamingHowToChangeIt() {
        List<Finding> findings = review(ShippedAdmin.State.UNCHANGED, shippedBinds());
        assertEquals(findings.toString(), 1, findings.size());
        assertEquals(Finding.Level.WARN, findings.get(0).level());
        String message = findings.get(0).message();
        assertTrue(message, message.contains("jaas:user-add karaf") && message.contains("etc/users.properties"));
    }

    @Test
    public void aChangedPasswordIsQuiet() {
        assertEquals(List.of(), review(ShippedAdmin.State.CHANGED, shippedBinds()));
        Map<String, Map<String, Object>> exposed = shippedBinds();
        exposed.get(ConsoleBind.SSH_PID).put("sshHost", "0.0.0.0");
        assertEquals("a console beyond loopback is fine once the password changed", List.of(),
                review(ShippedAdmin.State.CHANGED, exposed));
    }

    @Test
    public void theShippedAdminWithAConsoleBeyondLoopbackIsAnErrorNamingIt() {
        Map<String, Map<String, Object>> configs = shippedBinds();
        configs.get(ConsoleBind.SSH_PID).put("sshHost", "0.0.0.0");
        configs.get(ConsoleBind.JMX_PID).remove("rmiServerHost");
        List<Finding> findings = review(ShippedAdmin.State.UNCHANGED, configs);
        assertEquals(findings.toString(), 2, findings.size());
        assertEquals(Finding.Level.ERROR, findings.get(0).level());
        String message = findings.get(0).message();
        assertTrue(message, message.contains("SSH (the Karaf shell) on 0.0.0.0 (org.apache.karaf.shell sshHost)"));
        assertTrue("an unset bind is Karaf's every-interface default: " + message,
                message.contains("JMX (RMI server) on every interface (unset)"));
        assertTrue(message, !message.contains("RMI registry") && !message.contains("web server"));
    }

    @Test
    public void loopbackIsEvery127AddressIpv6AndLocalhostButNotAWildcard() {
        assertTrue(Loopback.only("127.0.0.1") && Loopback.only("127.0.0.2, ::1") && Loopback.only("localhost"));
        assertTrue(!Loopback.only("0.0.0.0") && !Loopback.only("::") && !Loopback.only(""));
        assertTrue(!Loopback.only(null) && !Loopback.only("127.0.0.1,192.0.2.1"));
    }

    @Test
    public void anUnknownHashIsSaidAndSkipped() {
        List<Finding> findings = review(ShippedAdmin.State.UNKNOWN, shippedBinds());
        assertEquals(findings.toString(), 1, findings.size());
        assertEquals(Finding.Level.INFO, findings.get(0).level());
        assertTrue(findings.get(0).message(), findings.get(0).message().contains("check is skipped"));
    }

    @Test
    public void secretFilesReadableByOthersGetOneWarningEach() throws IOException {
        assumeTrue("POSIX permissions", FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path users = folder.newFile("users.properties").toPath();
        Path keystore = folder.newFile("rtsps.p12").toPath();
        Path tight = folder.newFile("qtusers").toPath();
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(tight, PosixFilePermissions.fromString("rw-------"));
        List<Finding> findings = Review.of(ShippedAdmin.State.CHANGED, SHIPPED, ConsoleBind.of(shippedBinds()),
                List.of(users, keystore, tight, folder.getRoot().toPath().resolve("qtgroups")));
        assertEquals(findings.toString(), 2, findings.size());
        assertEquals(Finding.Level.WARN, findings.get(0).level());
        assertTrue(findings.get(0).message(), findings.get(0).message().contains("chmod 600 " + users));
        assertTrue(findings.get(1).message(), findings.get(1).message().contains("chmod 600 " + keystore)
                && findings.get(1).message().contains("rw-r-----"));
    }
}
