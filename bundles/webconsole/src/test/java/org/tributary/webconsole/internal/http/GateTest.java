package org.tributary.webconsole.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.Test;
import org.tributary.api.AccessService;
import org.tributary.api.ServerStats;

public class GateTest {

    private final Map<Integer, Long> refused = new TreeMap<>();
    private final ServerStats stats = new ServerStats() {
        @Override
        public java.time.Instant started() {
            return java.time.Instant.EPOCH;
        }

        @Override
        public void refused(String protocol, int status) {
            assertEquals("HTTP", protocol);
            refused.merge(status, 1L, Long::sum);
        }

        @Override
        public Map<Integer, Long> refusals() {
            return refused;
        }

        @Override
        public Totals totals() {
            return new Totals(0, 0, 0, 0, 0);
        }
    };
    private final Map<String, Integer> failures = new TreeMap<>();
    private final AccessService access = new FailureCounter(failures);

    private final Gate gate = new Gate((user, password) -> switch (user + ":" + new String(password)) {
        case "karaf:karaf", "karaf:n3w-pass", "admin:s3cret" -> Login.Result.ALLOWED;
        case "viewer:secret" -> Login.Result.NOT_IN_ROLE;
        default -> Login.Result.WRONG;
    }, () -> Optional.of(stats), () -> Optional.of(access));

    @Test
    public void wrongPasswordsCountAgainstTheAddressUntilItIsBlocked() {
        for (int i = 0; i < FailureCounter.LIMIT; i++) {
            assertEquals(401, gate.check(request("GET", basic("karaf:guess" + i), null)).status());
        }
        assertEquals(Map.of("127.0.0.1", FailureCounter.LIMIT), failures);
        Gate.Decision blocked = gate.check(request("GET", basic("karaf:karaf"), null));
        assertEquals("even the right password is not tried from a blocked address", 403, blocked.status());
        assertTrue(blocked.message(), blocked.message().contains("Too many failed logins"));
        assertEquals(Map.of("127.0.0.1", FailureCounter.LIMIT), failures);
    }

    @Test
    public void onlyAddressLiteralsAreTaken() {
        assertEquals("::1", Gate.address("::1").orElseThrow().getHostAddress().replace("0:0:0:0:0:0:0:1", "::1"));
        assertTrue(Gate.address("localhost").isEmpty());
        assertTrue(Gate.address("").isEmpty());
    }

    @Test
    public void noCredentialsIs401AndCounted() {
        Gate.Decision d = gate.check(request("GET", null, null));
        assertEquals(401, d.status());
        assertEquals(Map.of(401, 1L), refused);
    }

    @Test
    public void wrongPasswordIs401AndNonAdminIs403() {
        assertEquals(401, gate.check(request("GET", basic("karaf:wrong"), null)).status());
        assertEquals(401, gate.check(request("GET", "Basic !!!", null)).status());
        assertEquals(403, gate.check(request("GET", basic("viewer:secret"), null)).status());
        assertEquals(Map.of(401, 2L, 403, 1L), refused);
    }

    @Test
    public void adminMayReadAndMayChangeOnlyWithTheGuardHeader() {
        Gate.Decision read = gate.check(request("GET", basic("karaf:karaf"), null));
        assertTrue(read.allowed());
        assertEquals("karaf", read.user());

        Gate.Decision forged = gate.check(request("POST", basic("karaf:karaf"), null));
        assertEquals(403, forged.status());
        assertTrue(forged.message(), forged.message().contains(RequestGuard.HEADER));

        assertTrue(gate.check(request("DELETE", basic("karaf:karaf"), "1")).allowed());
    }

    @Test
    public void passwordWithColonIsKept() {
        assertEquals("pa:ss", new String(BasicCredentials.parse(basic("u:pa:ss")).orElseThrow().password()));
    }

    @Test
    public void theShippedAdminWithItsDefaultPasswordIsRefusedFromBeyondLoopback() {
        Gate.Decision remote = gate.check(from("192.0.2.7", basic("karaf:karaf")));
        assertEquals(403, remote.status());
        assertTrue(remote.message(), remote.message().contains("change it first"));
        assertEquals(Map.of(403, 1L), refused);
        assertEquals("not a failed login", Map.of(), failures);
        assertTrue(gate.check(from("127.0.0.1", basic("karaf:karaf"))).allowed());
        assertTrue(gate.check(from("127.0.0.2", basic("karaf:karaf"))).allowed());
        assertTrue(gate.check(from("::1", basic("karaf:karaf"))).allowed());
        assertEquals("a remote client whose address is not a literal counts as remote", 403,
                gate.check(from("example.org", basic("karaf:karaf"))).status());
    }

    @Test
    public void aChangedPasswordOrAnotherAdminMayLogInFromAnywhere() {
        assertTrue(gate.check(from("192.0.2.7", basic("karaf:n3w-pass"))).allowed());
        assertTrue(gate.check(from("2001:db8::7", basic("admin:s3cret"))).allowed());
        assertEquals("a wrong password stays a 401", 401, gate.check(from("192.0.2.7", basic("karaf:wrong"))).status());
    }

    private static Gate.RequestFacts from(String remoteAddress, String authorization) {
        return new Gate.RequestFacts("GET", "/tributary/api/status", authorization, null, null, "h:8181", remoteAddress);
    }

    private static Gate.RequestFacts request(String method, String authorization, String guard) {
        return new Gate.RequestFacts(method, "/tributary/api/status", authorization, guard, null, "h:8181",
                "127.0.0.1");
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }
}
