package org.tributary.shell.command;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.karaf.shell.support.CommandException;
import org.junit.Test;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;

public class AccessCheckCommandTest {

    private static final String NL = System.lineSeparator();

    /** Records the requests and answers with a scripted decision. */
    private static final class FakeAccessService implements AccessService {
        final List<AccessRequest> requests = new ArrayList<>();
        AccessDecision answer = AccessDecision.ALLOW;
        boolean blocked;

        @Override public AccessDecision check(AccessRequest request) {
            requests.add(request);
            return answer;
        }
        @Override public boolean blocked(InetAddress client) { return blocked; }
        @Override public Optional<UserPrincipal> authenticate(InetAddress client, String user, char[] password) {
            throw new UnsupportedOperationException();
        }
        @Override public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
            throw new UnsupportedOperationException();
        }
        @Override public Optional<UserPrincipal> digestLogin(InetAddress client, String user) {
            throw new UnsupportedOperationException("a check must not count as a login");
        }
        @Override public void loginFailed(InetAddress client, String user) { throw new UnsupportedOperationException(); }
        @Override public String challengeRealm() { throw new UnsupportedOperationException(); }
        @Override public boolean connectionOpened(InetAddress client) { throw new UnsupportedOperationException(); }
        @Override public void connectionClosed(InetAddress client) { throw new UnsupportedOperationException(); }
    }

    /** A realm that knows some users and records the lookups. */
    private static final class FakeRealm implements AuthRealm {
        final String name;
        final Map<String, Set<String>> users;
        final List<String> lookups = new ArrayList<>();

        FakeRealm(String name, Map<String, Set<String>> users) {
            this.name = name;
            this.users = users;
        }

        @Override public String name() { return name; }
        @Override public Optional<UserPrincipal> authenticate(String user, char[] password) {
            throw new UnsupportedOperationException();
        }
        @Override public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
            throw new UnsupportedOperationException();
        }
        @Override public Optional<UserPrincipal> lookup(String user) {
            lookups.add(user);
            return Optional.ofNullable(users.get(user)).map(groups -> new UserPrincipal(user, name, groups));
        }
    }

    private final FakeAccessService access = new FakeAccessService();
    private final FakeRealm karaf = new FakeRealm("karaf", Map.of("admin", Set.of()));
    private final FakeRealm tributary = new FakeRealm("tributary", Map.of("alice", Set.of("broadcaster", "admins")));
    private final Output out = new Output();

    private AccessCheckCommand command(String user, String path) {
        AccessCheckCommand command = new AccessCheckCommand();
        command.access = access;
        command.realms = List.of(tributary, karaf);
        command.user = user;
        command.path = path;
        return command;
    }

    @Test
    public void checksUserFoundInARealmWithDefaults() throws Exception {
        access.answer = AccessDecision.challenge("/private/ needs a valid user");
        command("alice", "/private/sample.mp4").run(out.stream);
        AccessRequest request = access.requests.get(0);
        assertEquals(Optional.of(new UserPrincipal("alice", "tributary", Set.of("broadcaster", "admins"))), request.user());
        assertEquals(InetAddress.getByName("127.0.0.1"), request.client());
        assertEquals("/private/sample.mp4", request.path());
        assertEquals(AccessMode.READ, request.mode());
        assertEquals(List.of("alice"), karaf.lookups);
        assertEquals("User:    alice (realm tributary, groups: admins, broadcaster)" + NL
                + "Request: READ /private/sample.mp4 from 127.0.0.1" + NL
                + "Verdict: CHALLENGE" + NL
                + "Reason:  /private/ needs a valid user" + NL, out.text());
    }

    @Test
    public void checksAnonymousWriteFromGivenAddress() throws Exception {
        access.answer = AccessDecision.deny("WRITE needs group broadcaster");
        AccessCheckCommand command = command("anonymous", "/live/cam");
        command.mode = "write";
        command.address = "192.0.2.7";
        command.run(out.stream);
        AccessRequest request = access.requests.get(0);
        assertFalse(request.user().isPresent());
        assertEquals(AccessMode.WRITE, request.mode());
        assertEquals("192.0.2.7", request.client().getHostAddress());
        assertTrue(karaf.lookups.isEmpty() && tributary.lookups.isEmpty());
        assertEquals("User:    anonymous" + NL
                + "Request: WRITE /live/cam from 192.0.2.7" + NL
                + "Verdict: DENY" + NL
                + "Reason:  WRITE needs group broadcaster" + NL, out.text());
    }

    @Test
    public void ipv6Literal() throws Exception {
        AccessCheckCommand command = command("admin", "/sample.mp4");
        command.address = "::1";
        command.run(out.stream);
        assertTrue(access.requests.get(0).client().isLoopbackAddress());
        assertTrue(out.text(), out.text().contains("Verdict: ALLOW"));
    }

    @Test
    public void saysWhenTheAddressIsBlocked() throws Exception {
        access.blocked = true;
        command("admin", "/sample.mp4").run(out.stream);
        assertTrue(out.text(), out.text().contains("User:    admin (realm karaf, groups: none)"));
        assertTrue(out.text(), out.text().endsWith(
                "Note:    127.0.0.1 is blocked for now after too many failed logins" + NL));
    }

    @Test
    public void unknownUserIsAnErrorNamingTheRealms() {
        CommandException e = assertThrows(CommandException.class, () -> command("mallory", "/x").run(out.stream));
        assertEquals("unknown user mallory (realms asked: karaf, tributary); use anonymous to check a client without credentials",
                e.getMessage());
        assertTrue(access.requests.isEmpty());
    }

    @Test
    public void withoutRealmsAUserCannotBeFound() {
        AccessCheckCommand command = command("alice", "/x");
        command.realms = null;
        CommandException e = assertThrows(CommandException.class, () -> command.run(out.stream));
        assertEquals("unknown user alice (no realm is running); use anonymous to check a client without credentials", e.getMessage());
    }

    @Test
    public void withoutAccessServiceSaysSo() {
        AccessCheckCommand command = command("alice", "/x");
        command.access = null;
        CommandException e = assertThrows(CommandException.class, () -> command.run(out.stream));
        assertEquals("no access service is running (the tributary core bundle is stopped?)", e.getMessage());
    }

    @Test
    public void refusesBadModePathAndAddress() {
        AccessCheckCommand command = command("alice", "/x");
        command.mode = "DELETE";
        assertEquals("the mode must be READ or WRITE, not DELETE",
                assertThrows(CommandException.class, () -> command.run(out.stream)).getMessage());
        command.mode = "READ";
        command.path = "private/x";
        assertEquals("the path must start with '/', such as /private/sample.mp4: private/x",
                assertThrows(CommandException.class, () -> command.run(out.stream)).getMessage());
        assertTrue(access.requests.isEmpty());
    }

    @Test
    public void onlyIpLiteralsAreAccepted() throws Exception {
        assertEquals("10.1.2.3", AccessCheckCommand.parseAddress("10.1.2.3").getHostAddress());
        assertTrue(AccessCheckCommand.parseAddress("[::1]").isLoopbackAddress());
        for (String bad : new String[] {"example.com", "localhost", "999.1.1.1", "1234", "1.2.3", ".:", "fe80::zz", "[::1"}) {
            CommandException e = assertThrows(bad, CommandException.class, () -> AccessCheckCommand.parseAddress(bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("not an IP address"));
        }
    }
}
