package org.tributary.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessDecision.Verdict;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessPolicy;
import org.tributary.api.AccessRequest;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

public class AccessServiceImplTest {

    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
    private static final UserPrincipal ALICE = new UserPrincipal("alice", "Streaming Server", Set.of("broadcaster"));
    private static final UserPrincipal BOB = new UserPrincipal("bob", "Streaming Server", Set.of());

    private static AccessRequest request(UserPrincipal user, String path, AccessMode mode) {
        return new AccessRequest(Optional.ofNullable(user), CLIENT, path, mode);
    }

    private static AccessServiceImpl service(String... rules) {
        AccessServiceImpl service = new AccessServiceImpl();
        service.open(rules, "Streaming Server", new String[0], 3, 60, 300, 2);
        return service;
    }

    /** A realm with alice (password "secret") and bob. */
    private static AuthRealm realm() {
        return new AuthRealm() {
            public String name() { return "Streaming Server"; }
            public Optional<UserPrincipal> authenticate(String user, char[] password) {
                return "alice".equals(user) && "secret".equals(new String(password)) ? Optional.of(ALICE) : Optional.empty();
            }
            public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
                return "alice".equals(user) ? Optional.of("ha1") : Optional.empty();
            }
            public Optional<UserPrincipal> lookup(String user) {
                return "alice".equals(user) ? Optional.of(ALICE) : "bob".equals(user) ? Optional.of(BOB) : Optional.empty();
            }
        };
    }

    @Test
    public void defaultsProtectNothingForReadAndRequireBroadcastersForWrite() {
        AccessServiceImpl service = new AccessServiceImpl();
        assertEquals(Verdict.ALLOW, service.check(request(null, "/sample.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.CHALLENGE, service.check(request(null, "/live/cam1", AccessMode.WRITE)).verdict());
        assertEquals(Verdict.CHALLENGE, service.check(request(BOB, "/live/cam1", AccessMode.WRITE)).verdict());
        assertEquals(Verdict.ALLOW, service.check(request(ALICE, "/live/cam1", AccessMode.WRITE)).verdict());
    }

    @Test
    public void longestPrefixDecides() {
        AccessServiceImpl service = service("/private/ READ valid-user; /private/open/ READ any-user",
                "/private/alice/ READ user alice", "/closed/ READ deny");
        assertEquals(Verdict.CHALLENGE, service.check(request(null, "/private/a.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.ALLOW, service.check(request(BOB, "/private/a.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.ALLOW, service.check(request(null, "/private/open/a.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.CHALLENGE, service.check(request(BOB, "/private/alice/a.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.ALLOW, service.check(request(ALICE, "/private/alice/a.mp4", AccessMode.READ)).verdict());
        assertEquals(Verdict.DENY, service.check(request(ALICE, "/closed/a.mp4", AccessMode.READ)).verdict());
        assertEquals("segment-aware", Verdict.ALLOW, service.check(request(null, "/privateer.mp4", AccessMode.READ)).verdict());
        for (String sneaky : List.of("//private/a.mp4", "/./private/a.mp4", "/x/../private/a.mp4", "/private\\a.mp4")) {
            assertFalse(sneaky, service.check(request(null, sneaky, AccessMode.READ)).verdict() == Verdict.ALLOW);
        }
    }

    @Test
    public void invalidRulesDenyEverything() {
        AccessServiceImpl service = service("/x/ LOOK valid-user");
        assertEquals(Verdict.DENY, service.check(request(ALICE, "/sample.mp4", AccessMode.READ)).verdict());
    }

    @Test
    public void policiesCanOnlyTightenAndARequiredMissingPolicyDenies() {
        AccessServiceImpl service = new AccessServiceImpl();
        service.open(new String[0], "Streaming Server", new String[] {"ip-rules"}, 3, 60, 300, 0);
        AccessRequest read = request(null, "/sample.mp4", AccessMode.READ);
        assertEquals("required policy missing", Verdict.DENY, service.check(read).verdict());
        AccessPolicy ip = r -> AccessDecision.ALLOW;
        service.addPolicy(ip, Map.of(AccessPolicy.NAME, "ip-rules"));
        assertEquals(Verdict.ALLOW, service.check(read).verdict());
        AccessPolicy strict = r -> AccessDecision.challenge("qtaccess");
        service.addPolicy(strict, Map.of(AccessPolicy.NAME, "qtaccess"));
        assertEquals(Verdict.CHALLENGE, service.check(read).verdict());
        AccessPolicy broken = r -> {
            throw new IllegalStateException("boom");
        };
        service.addPolicy(broken, Map.of(AccessPolicy.NAME, "broken"));
        assertEquals(Verdict.DENY, service.check(read).verdict());
        service.removePolicy(broken);
        service.removePolicy(ip);
        assertEquals("stopping a required policy never opens access", Verdict.DENY, service.check(read).verdict());
    }

    @Test
    public void basicLoginAndThrottling() {
        AccessServiceImpl service = service();
        service.addRealm(realm());
        assertEquals(Optional.of(ALICE), service.authenticate(CLIENT, "alice", "secret".toCharArray()));
        assertTrue(service.authenticate(CLIENT, "alice", "wrong".toCharArray()).isEmpty());
        assertTrue(service.authenticate(CLIENT, "mallory", "x".toCharArray()).isEmpty());
        assertFalse(service.blocked(CLIENT));
        assertTrue(service.authenticate(CLIENT, "alice", "wrong".toCharArray()).isEmpty());
        assertTrue("three failures block", service.blocked(CLIENT));
        assertTrue("a blocked address cannot log in even with the right password",
                service.authenticate(CLIENT, "alice", "secret".toCharArray()).isEmpty());
        assertEquals(Verdict.DENY, service.check(request(null, "/sample.mp4", AccessMode.READ)).verdict());
    }

    @Test
    public void removedRealmKnowsNobody() {
        AccessServiceImpl service = service();
        AuthRealm realm = realm();
        service.addRealm(realm);
        assertEquals(Optional.of("ha1"), service.digestHa1("alice", "Streaming Server", DigestAlgorithm.MD5));
        assertEquals(Optional.of(ALICE), service.digestLogin(CLIENT, "alice"));
        service.removeRealm(realm);
        assertTrue(service.digestHa1("alice", "Streaming Server", DigestAlgorithm.MD5).isEmpty());
        assertTrue(service.digestLogin(CLIENT, "alice").isEmpty());
    }

    @Test
    public void connectionsPerAddressAreCapped() {
        AccessServiceImpl service = service();
        assertTrue(service.connectionOpened(CLIENT));
        assertTrue(service.connectionOpened(CLIENT));
        assertFalse(service.connectionOpened(CLIENT));
        service.connectionClosed(CLIENT);
        assertTrue(service.connectionOpened(CLIENT));
    }
}
