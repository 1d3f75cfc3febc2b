package org.tributary.itests.interop;

import static org.tributary.itests.interop.AccessAssertions.FORBIDDEN;
import static org.tributary.itests.interop.AccessAssertions.UNAUTHORIZED;

import java.io.IOException;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.tributary.itests.support.Tools;
import org.tributary.itests.support.TributaryDistribution;

/**
 * Failed-login throttling against the real distribution: after {@value #MAX_FAILED_LOGINS} wrong
 * passwords from 127.0.0.1 the address is blocked, so even the right password then gets 403, and
 * karaf.log says so. A blocked 127.0.0.1 is refused everything, hence a class of its own.
 */
public class LoginThrottleInteropIT {

    private static final int MAX_FAILED_LOGINS = 3;
    private static final Login ALICE = new Login("alice", "secret");
    private static final String PRIVATE = "/private/sample.mp4";

    @ClassRule
    public static final TributaryDistribution SERVER = new TributaryDistribution()
            .withConfig("org.tributary.access.cfg", Map.of(
                    "rules", "/ WRITE group broadcaster; /private/ READ valid-user",
                    "maxFailedLogins", Integer.toString(MAX_FAILED_LOGINS),
                    "failureWindowSeconds", "60",
                    "blockSeconds", "60"))
            // in place before start: a probe racing the users file's reload would count as a failed login
            .withFile("etc/qtusers", QtUsers.text(ALICE));

    @Test
    public void wrongPasswordsBlockTheAddressEvenForTheRightPassword() throws IOException {
        Tools.require("ffprobe");
        AccessAssertions.copySampleInto(SERVER, "private");
        AccessAssertions.assertGetsStreams(ALICE.url(SERVER, PRIVATE));
        int mark = AccessAssertions.logMark(SERVER);
        for (int i = 0; i < MAX_FAILED_LOGINS; i++) {
            AccessAssertions.assertRefused(ALICE.withPassword("wrong" + i).url(SERVER, PRIVATE), UNAUTHORIZED);
        }
        AccessAssertions.assertRefused(ALICE.url(SERVER, PRIVATE), FORBIDDEN);
        AccessAssertions.assertRefused(SERVER.url("/sample.mp4"), FORBIDDEN);
        AccessAssertions.awaitLogLine(SERVER, mark, "Failed login for 'alice' from 127.0.0.1: too many failures,"
                + " address blocked");
    }
}
