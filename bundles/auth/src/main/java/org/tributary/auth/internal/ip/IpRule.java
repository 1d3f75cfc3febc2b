package org.tributary.auth.internal.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tributary.auth.internal.RequestPaths;

/**
 * One configured rule, {@code PATH allow|deny CIDR [CIDR...]}, such as
 * {@code /private/ allow 127.0.0.0/8 ::1}.
 *
 * @param prefix the path prefix, always ending with '/' so it matches whole segments
 * @param allow  true for an allow list, false for a deny list
 * @param blocks the address blocks
 * @param text   the rule as configured, for messages
 */
record IpRule(String prefix, boolean allow, List<CidrBlock> blocks, String text) {

    /**
     * @throws IllegalArgumentException naming the rule and what is wrong with it
     */
    static IpRule parse(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length < 3 || !words[0].startsWith("/")) {
            throw new IllegalArgumentException("IP rule '" + text + "' is not 'PATH allow|deny CIDR...'");
        }
        boolean allow;
        switch (words[1].toLowerCase(Locale.ROOT)) {
            case "allow":
                allow = true;
                break;
            case "deny":
                allow = false;
                break;
            default:
                throw new IllegalArgumentException("IP rule '" + text + "': '" + words[1]
                        + "' is neither allow nor deny");
        }
        List<CidrBlock> blocks = new ArrayList<>();
        for (int i = 2; i < words.length; i++) {
            try {
                blocks.add(CidrBlock.parse(words[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("IP rule '" + text + "': " + e.getMessage(), e);
            }
        }
        List<String> segments = RequestPaths.segments(words[0]).orElseThrow(() -> new IllegalArgumentException(
                "IP rule '" + text + "': '" + words[0] + "' is not a plain path"));
        String prefix = segments.isEmpty() ? "/" : "/" + String.join("/", segments) + "/";
        return new IpRule(prefix, allow, List.copyOf(blocks), text.strip());
    }
}
