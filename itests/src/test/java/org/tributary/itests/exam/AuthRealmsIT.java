package org.tributary.itests.exam;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.tributary.api.AccessDecision.Verdict;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessPolicy;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;
import org.tributary.api.UserStore;
import org.tributary.itests.support.RtspTestClient;

/** The realms and policies of the auth bundle, wired in the real distribution, and its hot swap. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthRealmsIT extends TributaryExamSupport {

    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    @Inject
    protected AccessService access;

    @Inject
    protected UserStore users;

    private Optional<AuthRealm> realm(String name) throws InvalidSyntaxException {
        for (ServiceReference<AuthRealm> ref : bundleContext.getServiceReferences(AuthRealm.class, null)) {
            AuthRealm realm = bundleContext.getService(ref);
            if (realm != null && realm.name().equals(name)) {
                return Optional.of(realm);
            }
        }
        return Optional.empty();
    }

    private int describe(String path) throws Exception {
        try (RtspTestClient client = new RtspTestClient("127.0.0.1", rtspPort())) {
            return client.request("DESCRIBE", url(path)).status();
        }
    }

    @Test
    public void usersFileRealmStoresDigestHashesAndGroups() throws Exception {
        users.setPassword("alice", "secret".toCharArray());
        users.addToGroup("broadcaster", Set.of("alice"));
        AuthRealm file = realm("Streaming Server").orElseThrow();
        Optional<UserPrincipal> alice = file.authenticate("alice", "secret".toCharArray());
        assertTrue(alice.isPresent());
        assertTrue(alice.get().groups().contains("broadcaster"));
        assertTrue(file.authenticate("alice", "wrong".toCharArray()).isEmpty());
        assertEquals(32, file.digestHa1("alice", "Streaming Server", DigestAlgorithm.MD5).orElseThrow().length());
        assertEquals(64, file.digestHa1("alice", "Streaming Server", DigestAlgorithm.SHA_256).orElseThrow().length());
        assertTrue("a foreign realm gets no hash", file.digestHa1("alice", "Elsewhere", DigestAlgorithm.MD5).isEmpty());
        assertEquals(Verdict.ALLOW, access.check(new AccessRequest(alice, LOCAL, "/live/cam1", AccessMode.WRITE)).verdict());
        assertTrue(users.removeUser("alice"));
        assertTrue(file.lookup("alice").isEmpty());
    }

    @Test
    public void karafJaasUsersLogInWithTheirGroups() throws Exception {
        AuthRealm jaas = realm("karaf").orElseThrow();
        Optional<UserPrincipal> karaf = jaas.authenticate("karaf", "karaf".toCharArray());
        assertTrue("karaf/karaf from etc/users.properties", karaf.isPresent());
        assertTrue(karaf.get().groups().toString(), karaf.get().groups().contains("admingroup"));
        assertTrue(jaas.authenticate("karaf", "nope".toCharArray()).isEmpty());
        assertTrue("JAAS cannot give Digest hashes", jaas.digestHa1("karaf", "karaf", DigestAlgorithm.MD5).isEmpty());
    }

    @Test
    public void defaultsOpenReadAndRequireBroadcastersForWrite() throws Exception {
        assertEquals(2, bundleContext.getServiceReferences(AccessPolicy.class, null).size());
        assertEquals(Verdict.ALLOW, access.check(new AccessRequest(Optional.empty(), LOCAL, "/sample.mp4",
                AccessMode.READ)).verdict());
        assertEquals(Verdict.CHALLENGE, access.check(new AccessRequest(Optional.empty(), LOCAL, "/live/cam1",
                AccessMode.WRITE)).verdict());
        assertEquals(200, describe("/sample.mp4"));
        String out = executeCommand("stream:access-check anonymous /live/cam1 WRITE");
        assertTrue(out, out.contains("CHALLENGE"));
    }

    @Test
    public void groupsAreManagedFromTheShell() throws Exception {
        users.setPassword("carol", "pw".toCharArray());
        String added = executeCommand("stream:group-add editors carol");
        assertTrue(added, added.contains("Created group editors"));
        assertTrue(users.groupsOf("carol").contains("editors"));
        String listed = executeCommand("stream:groups");
        assertTrue(listed, listed.contains("editors") && listed.contains("carol"));
        String removed = executeCommand("stream:group-remove -r \"Streaming Server\" editors");
        assertTrue(removed, removed.contains("Removed group editors"));
        executeCommand("stream:user-remove carol");
        assertTrue(users.users().isEmpty() || !users.users().contains("carol"));
    }

    @Test
    public void stoppingTheAuthBundleKeepsAccessClosed() throws Exception {
        Bundle auth = bundle("tributary-auth");
        auth.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> describe("/sample.mp4") == 403);
            assertEquals(Verdict.DENY, access.check(new AccessRequest(Optional.empty(), LOCAL, "/sample.mp4",
                    AccessMode.READ)).verdict());
            assertTrue("no realm is left to log in with",
                    bundleContext.getServiceReferences(AuthRealm.class, null).isEmpty());
        } finally {
            auth.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> describe("/sample.mp4") == 200);
    }
}
