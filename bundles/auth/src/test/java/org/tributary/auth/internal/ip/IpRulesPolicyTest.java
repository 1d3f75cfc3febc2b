package org.tributary.auth.internal.ip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

import org.junit.Test;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessDecision.Verdict;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;

/** The IP rules policy: longest prefix, allow and deny lists, IPv6, broken rules. */
public class IpRulesPolicyTest {

    private final IpRulesPolicy policy = new IpRulesPolicy();

    private AccessDecision decide(String client, String path) throws Exception {
        return decide(InetAddress.getByName(client), path);
    }

    private AccessDecision decide(InetAddress client, String path) {
        return policy.decide(new AccessRequest(Optional.empty(), client, path, AccessMode.READ));
    }

    @Test
    public void noRulesAllowEverything() throws Exception {
        policy.open(new String[0]);
        assertEquals(Verdict.ALLOW, decide("203.0.113.9", "/any/path").verdict());
        assertEquals(Verdict.ALLOW, decide("203.0.113.9", "/../odd").verdict());
        policy.open(new String[] {" ; \n "});
        assertEquals(Verdict.ALLOW, decide("203.0.113.9", "/x").verdict());
    }

    @Test
    public void longestSegmentPrefixDecides() throws Exception {
        policy.open(new String[] {"/ allow 0.0.0.0/0 ::/0", "/ deny 192.0.2.0/24",
            "/private/ allow 127.0.0.0/8 10.0.0.0/8 ::1", "/live deny 198.51.100.7"});
        Object[][] table = {
            {"203.0.113.9", "/movie.mp4", Verdict.ALLOW},
            {"192.0.2.10", "/movie.mp4", Verdict.DENY},
            {"2001:db8::5", "/movie.mp4", Verdict.ALLOW},
            {"10.1.1.1", "/private/a.mp4", Verdict.ALLOW},
            {"::1", "/private/a.mp4", Verdict.ALLOW},
            {"203.0.113.9", "/private/a.mp4", Verdict.DENY},
            {"203.0.113.9", "/private", Verdict.DENY},
            {"203.0.113.9", "//private//a.mp4", Verdict.DENY},
            {"203.0.113.9", "/privateer/a.mp4", Verdict.ALLOW},
            {"192.0.2.10", "/private/a.mp4", Verdict.DENY}, // not in /private/'s allow list
            {"198.51.100.7", "/live/cam", Verdict.DENY},
            {"198.51.100.7", "/lively/cam", Verdict.ALLOW},
            {"198.51.100.8", "/live/cam", Verdict.ALLOW}, // /live/ has only a deny list
            {"192.0.2.10", "/live/cam", Verdict.ALLOW}, // /live/ alone decides: / is not consulted
            {"203.0.113.9", "/private/../movie.mp4", Verdict.DENY},
            {"203.0.113.9", "/a\\b", Verdict.DENY},
        };
        for (Object[] row : table) {
            assertEquals(row[0] + " " + row[1], row[2], decide((String) row[0], (String) row[1]).verdict());
        }
        assertEquals("client 192.0.2.10 is denied for /", decide("192.0.2.10", "/x").reason());
        assertEquals("client 203.0.113.9 is not allowed for /private/", decide("203.0.113.9", "/private/x").reason());
    }

    @Test
    public void ipv4MappedClientsMatchIpv4Rules() throws Exception {
        policy.open(new String[] {"/ allow 10.0.0.0/8"});
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        assertEquals(Verdict.ALLOW, decide(Inet6Address.getByAddress(null, mapped, -1), "/x").verdict());
        mapped[12] = 11;
        assertEquals(Verdict.DENY, decide(Inet6Address.getByAddress(null, mapped, -1), "/x").verdict());
    }

    @Test
    public void acceptsOneStringWithSeparators() throws Exception {
        policy.open(new String[] {"/ deny 192.0.2.0/24; /open/ allow 0.0.0.0/0\n/closed/ deny 0.0.0.0/0"});
        assertEquals(Verdict.DENY, decide("192.0.2.1", "/x").verdict());
        assertEquals(Verdict.ALLOW, decide("192.0.2.1", "/open/x").verdict());
        assertEquals(Verdict.DENY, decide("203.0.113.1", "/closed/x").verdict());
    }

    @Test
    public void aBrokenRuleDeniesEverythingUntilFixed() throws Exception {
        String[] broken = {"/ allow 10.0.0.0/33", "/ permit 10.0.0.0/8", "nopath allow 10.0.0.0/8", "/ allow",
            "/ allow example.org", "/../ allow 10.0.0.0/8"};
        for (String rule : broken) {
            policy.open(new String[] {"/ allow 0.0.0.0/0", rule});
            AccessDecision decision = decide("10.0.0.1", "/x");
            assertEquals(rule, Verdict.DENY, decision.verdict());
            assertTrue(decision.reason(), decision.reason().contains(rule));
        }
        policy.open(new String[] {"/ allow 0.0.0.0/0"});
        assertEquals(Verdict.ALLOW, decide("10.0.0.1", "/x").verdict());
    }
}
