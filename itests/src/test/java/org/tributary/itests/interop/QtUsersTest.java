package org.tributary.itests.interop;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The users file the interop tests write, against hashes made by md5sum and sha256sum. */
public class QtUsersTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void linesHoldMd5AndSha256OfUserRealmPassword() {
        // echo -n "alice:Streaming Server:secret" | md5sum ; ... | sha256sum
        assertEquals("realm Streaming Server\n"
                        + "alice::8ca119152fc7707dcfecc0fd87be63bb:"
                        + "a21b301d50e3ca2ae6e7407682958c34273bec2f5d383a2228121560f6787085\n",
                QtUsers.text(new Login("alice", "secret")));
    }

    @Test
    public void writeReplacesTheFileAndReportsWhetherItChanged() throws IOException {
        Path users = folder.getRoot().toPath().resolve("qtusers");
        Files.writeString(users, "realm Streaming Server\nold::" + "0".repeat(32) + "\n");
        assertTrue(QtUsers.write(users, new Login("alice", "secret")));
        assertEquals(QtUsers.text(new Login("alice", "secret")), Files.readString(users));
        assertFalse(QtUsers.write(users, new Login("alice", "secret")));
        assertFalse("no staging file is left behind", Files.exists(users.resolveSibling("qtusers.new")));
    }
}
