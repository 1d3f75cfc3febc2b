package org.tributary.auth.internal.ip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.junit.Test;

/** CIDR blocks: IPv4, IPv6, IPv4-mapped addresses, and what is not a block. */
public class CidrBlockTest {

    @Test
    public void containsTable() throws Exception {
        Object[][] table = {
            {"10.0.0.0/8", "10.255.1.2", true},
            {"10.0.0.0/8", "11.0.0.1", false},
            {"10.1.2.3/8", "10.9.9.9", true}, // host bits ignored
            {"192.0.2.0/24", "192.0.2.255", true},
            {"192.0.2.0/24", "192.0.3.0", false},
            {"192.0.2.7", "192.0.2.7", true},
            {"192.0.2.7", "192.0.2.8", false},
            {"192.0.2.0/25", "192.0.2.127", true},
            {"192.0.2.0/25", "192.0.2.128", false},
            {"0.0.0.0/0", "203.0.113.9", true},
            {"0.0.0.0/0", "2001:db8::1", false},
            {"::/0", "2001:db8::1", true},
            {"::/0", "203.0.113.9", false},
            {"2001:db8::/32", "2001:db8:ffff::1", true},
            {"2001:db8::/32", "2001:db9::1", false},
            {"2001:DB8::/33", "2001:db8:7fff::1", true},
            {"2001:db8::/33", "2001:db8:8000::1", false},
            {"::1", "::1", true},
            {"::1", "127.0.0.1", false},
            {"::ffff:10.0.0.0/104", "10.1.2.3", true}, // a mapped block is the IPv4 block
            {"::ffff:10.0.0.0/104", "11.1.2.3", false},
        };
        for (Object[] row : table) {
            CidrBlock block = CidrBlock.parse((String) row[0]);
            InetAddress client = InetAddress.getByName((String) row[1]);
            assertEquals(row[0] + " contains " + row[1], row[2], block.contains(client));
        }
    }

    @Test
    public void ipv4MappedClientsMatchIpv4Blocks() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        InetAddress client = Inet6Address.getByAddress(null, mapped, -1);
        assertEquals(Inet6Address.class, client.getClass());
        assertEquals(true, CidrBlock.parse("10.0.0.0/8").contains(client));
        assertEquals(false, CidrBlock.parse("192.0.2.0/24").contains(client));
        assertEquals(false, CidrBlock.parse("::/0").contains(client));
    }

    @Test
    public void refusesWhatIsNotABlockWithoutAskingDns() {
        String[] bad = {"", "/8", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "10.0.0.256",
            "10.0.0", "10.0.0.0.0", "1.2.3.4a", "localhost", "example.org", "::/129", "2001:db8::g",
            "fe80::1%eth0", ".:1", "[::1]", "10.0.0.0/ 8", "10.0.0.0/0008", "::ffff:1.2.3.4/95x"};
        for (String text : bad) {
            try {
                CidrBlock.parse(text);
                fail("accepted '" + text + "'");
            } catch (IllegalArgumentException expected) {
                // the message names the text
            }
        }
    }
}
