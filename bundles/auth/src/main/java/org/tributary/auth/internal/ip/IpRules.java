package org.tributary.auth.internal.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tributary.api.AccessDecision;
import org.tributary.auth.internal.RequestPaths;

/**
 * The configured IP rules. For a request, the rules of the longest path prefix that matches whole
 * segments decide alone: a client in one of its deny blocks is denied, and so is, when it has
 * allow blocks, a client in none of them. Without a matching prefix everything is allowed.
 */
final class IpRules {

    /** The allow and deny blocks of one path prefix. */
    private record PrefixRules(String prefix, List<CidrBlock> allow, List<CidrBlock> deny) {
    }

    private final List<PrefixRules> byLongestPrefix;

    private IpRules(List<PrefixRules> byLongestPrefix) {
        this.byLongestPrefix = byLongestPrefix;
    }

    /**
     * @param entries configured entries; each may hold several rules separated by ';' or new lines
     *                (a Karaf .cfg line gives one string)
     * @throws IllegalArgumentException naming the first rule that is wrong
     */
    static IpRules parse(String[] entries) {
        Map<String, PrefixRules> byPrefix = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String text : entry.split("[;\\r\\n]")) {
                if (text.isBlank()) {
                    continue;
                }
                IpRule rule = IpRule.parse(text);
                PrefixRules rules = byPrefix.computeIfAbsent(rule.prefix(),
                        p -> new PrefixRules(p, new ArrayList<>(), new ArrayList<>()));
                (rule.allow() ? rules.allow() : rules.deny()).addAll(rule.blocks());
            }
        }
        List<PrefixRules> sorted = new ArrayList<>();
        byPrefix.values().forEach(r -> sorted.add(new PrefixRules(r.prefix(), List.copyOf(r.allow()),
                List.copyOf(r.deny()))));
        sorted.sort(Comparator.comparingInt((PrefixRules r) -> r.prefix().length()).reversed());
        return new IpRules(List.copyOf(sorted));
    }

    /** @return true when there is no rule at all */
    boolean isEmpty() {
        return byLongestPrefix.isEmpty();
    }

    /**
     * @param client the client's address
     * @param path   the request path; untrusted
     */
    AccessDecision decide(InetAddress client, String path) {
        if (byLongestPrefix.isEmpty()) {
            return AccessDecision.ALLOW;
        }
        Optional<List<String>> segments = RequestPaths.segments(path);
        if (segments.isEmpty()) {
            return AccessDecision.deny("IP rules: path is not a plain path");
        }
        String folderPath = segments.get().isEmpty() ? "/" : "/" + String.join("/", segments.get()) + "/";
        for (PrefixRules rules : byLongestPrefix) {
            if (folderPath.startsWith(rules.prefix())) {
                return decide(rules, client);
            }
        }
        return AccessDecision.ALLOW;
    }

    private static AccessDecision decide(PrefixRules rules, InetAddress client) {
        String address = client.getHostAddress();
        if (rules.deny().stream().anyMatch(block -> block.contains(client))) {
            return AccessDecision.deny("client " + address + " is denied for " + rules.prefix());
        }
        if (!rules.allow().isEmpty() && rules.allow().stream().noneMatch(block -> block.contains(client))) {
            return AccessDecision.deny("client " + address + " is not allowed for " + rules.prefix());
        }
        return AccessDecision.ALLOW;
    }
}
