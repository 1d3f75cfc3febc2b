package org.tributary.core.internal.review;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.Test;

public class ShippedAdminTest {

    private static final KarafEncryption SHIPPED = KarafEncryption.from(Map.of());

    private static Properties users(String text) throws IOException {
        Properties users = new Properties();
        users.load(new StringReader(text));
        return users;
    }

    private static byte[] sha256(String text) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void theShippedFileHasTheShippedAdmin() throws IOException {
        assertEquals(ShippedAdmin.State.UNCHANGED, ShippedAdmin.of(users(
                "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin\n"), SHIPPED));
        assertEquals(ShippedAdmin.State.UNCHANGED, ShippedAdmin.of(users("karaf=karaf\n"), SHIPPED));
    }

    @Test
    public void aNewPasswordOrNoKarafUserIsAChange() throws IOException {
        assertEquals(ShippedAdmin.State.CHANGED, ShippedAdmin.of(users("karaf = s3cret,_g_:admingroup\n"), SHIPPED));
        assertEquals(ShippedAdmin.State.CHANGED, ShippedAdmin.of(users("admin = karaf,_g_:admingroup\n"), SHIPPED));
    }

    @Test
    public void aHashOfKarafIsTheShippedPasswordInHexOrBase64() throws Exception {
        String hex = HexFormat.of().formatHex(sha256("karaf"));
        assertEquals(ShippedAdmin.State.UNCHANGED,
                ShippedAdmin.of(users("karaf = {CRYPT}" + hex + "{CRYPT},_g_:admingroup\n"), SHIPPED));
        assertEquals("Karaf writes upper-case hex", ShippedAdmin.State.UNCHANGED,
                ShippedAdmin.of(users("karaf = {CRYPT}" + hex.toUpperCase() + "{CRYPT},_g_:admingroup\n"), SHIPPED));
        String other = HexFormat.of().formatHex(sha256("s3cret"));
        assertEquals(ShippedAdmin.State.CHANGED,
                ShippedAdmin.of(users("karaf = {CRYPT}" + other + "{CRYPT},_g_:admingroup\n"), SHIPPED));
        KarafEncryption base64 = KarafEncryption.from(Map.of("encryption.encoding", "base64"));
        assertEquals(ShippedAdmin.State.UNCHANGED, ShippedAdmin.of(users("karaf = {CRYPT}"
                + Base64.getEncoder().encodeToString(sha256("karaf")) + "{CRYPT}\n"), base64));
    }

    @Test
    public void aHashThatCannotBeCheckedIsUnknown() throws IOException {
        KarafEncryption jasypt = KarafEncryption.from(Map.of("encryption.name", "jasypt"));
        assertEquals(ShippedAdmin.State.UNKNOWN, ShippedAdmin.of(users("karaf = {CRYPT}abc{CRYPT}\n"), jasypt));
        KarafEncryption unknownDigest = KarafEncryption.from(Map.of("encryption.algorithm", "NO-SUCH-DIGEST"));
        assertEquals(ShippedAdmin.State.UNKNOWN, ShippedAdmin.of(users("karaf = {CRYPT}abc{CRYPT}\n"), unknownDigest));
    }
}
