package org.tributary.itests.interop;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.tributary.itests.interop.AccessAssertions.FORBIDDEN;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.RtspTestClient;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Address rules against the real distribution: a CIDR deny on {@code /private/} refuses even a
 * valid user with 403 (while {@code /members/}, with the same requirement and no address rule,
 * lets that user in), and {@code maxConnectionsPerAddress} closes the connection over the cap.
 */
public class AccessRulesInteropIT {

    private static final Login ALICE = new Login("alice", "secret");
    private static final int MAX_CONNECTIONS = 2;

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user; /members/ READ valid-user",
                    "maxConnectionsPerAddress", Integer.toString(MAX_CONNECTIONS)))
            .withConfig("org.tributary.auth.ip.cfg", Map.of("rules", "/private/ deny 127.0.0.0/8"))
            .withFile("etc/qtusers", QtUsers.text(ALICE));

    @BeforeClass
    public static void protectedFolders() throws IOException {
        AccessAssertions.copySampleInto(SERVER, "private");
        AccessAssertions.copySampleInto(SERVER, "members");
    }

    @Test
    public void deniedAddressGets403EvenWithValidCredentials() {
        Tools.require("ffprobe");
        AccessAssertions.assertGetsStreams(ALICE.url(SERVER, "/members/sample.mp4"));
        AccessAssertions.assertRefused(ALICE.url(SERVER, "/private/sample.mp4"), FORBIDDEN);
    }

    @Test
    public void connectionOverTheCapIsClosedAndAcceptedAgainOnceOneCloses() throws IOException {
        List<RtspTestClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(answeringClient());
            }
            try (RtspTestClient third = new RtspTestClient("127.0.0.1", SERVER.rtspPort())) {
                assertTrue("connection " + (MAX_CONNECTIONS + 1) + " must be closed by the server at once",
                        third.closedByServer(Duration.ofSeconds(5)));
            }
            open.remove(0).close();
            // the server notices the close asynchronously: a connection made before may still be refused
            await("a new connection accepted once one of the " + MAX_CONNECTIONS + " closed")
                    .atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> open.add(answeringClient()));
        } finally {
            for (RtspTestClient client : open) {
                client.close();
            }
        }
        // leaves no connection counted, so the other test of this class can connect
        await("every connection released").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> answeringClientsCanBeOpened(MAX_CONNECTIONS));
    }

    /** Connects and checks that the server answers an OPTIONS on that connection. */
    private static RtspTestClient answeringClient() throws IOException {
        RtspTestClient client = new RtspTestClient("127.0.0.1", SERVER.rtspPort());
        try {
            assertEquals(200, client.request("OPTIONS", SERVER.url("/")).status());
            return client;
        } catch (IOException | AssertionError e) {
            client.close();
            throw e;
        }
    }

    private static boolean answeringClientsCanBeOpened(int count) throws IOException {
        List<RtspTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                clients.add(answeringClient());
            }
            return true;
        } finally {
            for (RtspTestClient client : clients) {
                client.close();
            }
        }
    }
}
