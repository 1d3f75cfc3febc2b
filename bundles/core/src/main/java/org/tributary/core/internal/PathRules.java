package org.tributary.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tributary.api.AccessDecision;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;
import org.tributary.api.UserPrincipal;

/**
 * The configured path rules: for a request, the rule of its mode with the longest matching path
 * prefix decides. Entries look like {@code /private/ READ valid-user} or
 * {@code /live/ WRITE group broadcaster}.
 */
final class PathRules {

    /** What a rule demands of the user. */
    private enum Kind { ANY_USER, VALID_USER, USER, GROUP, DENY }

    private record Rule(String prefix, AccessMode mode, Kind kind, Set<String> names, String text) {
    }

    private final List<Rule> rules;

    private PathRules(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * @param entries configured entries; each may hold several rules separated by ';' or new lines
     * @throws IllegalArgumentException naming the first entry that is not a rule
     */
    static PathRules parse(String[] entries) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String text : entry.split("[;\\n]")) {
                if (!text.isBlank()) {
                    rules.add(rule(text.trim()));
                }
            }
        }
        rules.sort(Comparator.comparingInt((Rule r) -> r.prefix().length()).reversed());
        return new PathRules(List.copyOf(rules));
    }

    private static Rule rule(String text) {
        String[] words = text.split("\\s+");
        if (words.length < 3 || !words[0].startsWith("/")) {
            throw new IllegalArgumentException("access rule '" + text + "' is not 'PATH READ|WRITE REQUIREMENT'");
        }
        AccessMode mode;
        try {
            mode = AccessMode.valueOf(words[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("access rule '" + text + "': mode must be READ or WRITE");
        }
        Set<String> names = Set.of(java.util.Arrays.copyOfRange(words, 3, words.length));
        Kind kind = switch (words[2].toLowerCase(Locale.ROOT)) {
            case "any-user" -> Kind.ANY_USER;
            case "valid-user" -> Kind.VALID_USER;
            case "user" -> Kind.USER;
            case "group" -> Kind.GROUP;
            case "deny" -> Kind.DENY;
            default -> throw new IllegalArgumentException("access rule '" + text
                    + "': requirement must be valid-user, any-user, user, group or deny");
        };
        if ((kind == Kind.USER || kind == Kind.GROUP) && names.isEmpty()) {
            throw new IllegalArgumentException("access rule '" + text + "' names no " + words[2]);
        }
        String prefix = words[0].endsWith("/") ? words[0] : words[0] + "/";
        return new Rule(prefix, mode, kind, names, text);
    }

    AccessDecision decide(AccessRequest request) {
        String path = canonical(request.path());
        if (path == null) {
            return AccessDecision.deny("path " + request.path() + " has '..', '\\' or control characters");
        }
        for (Rule rule : rules) {
            if (rule.mode() == request.mode() && path.startsWith(rule.prefix())) {
                return apply(rule, request);
            }
        }
        return AccessDecision.ALLOW;
    }

    /**
     * The path as the sources will resolve it, so that {@code //private/x} or {@code /./private/x}
     * cannot slip past a rule for {@code /private/}: empty and {@code .} segments are dropped.
     *
     * @return the path ending in '/', or null when it has {@code ..}, a backslash or a control character
     */
    static String canonical(String path) {
        StringBuilder out = new StringBuilder("/");
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") || segment.indexOf('\\') >= 0 || segment.chars().anyMatch(Character::isISOControl)) {
                return null;
            }
            out.append(segment).append('/');
        }
        return out.toString();
    }

    private static AccessDecision apply(Rule rule, AccessRequest request) {
        UserPrincipal user = request.user().orElse(null);
        switch (rule.kind()) {
            case ANY_USER:
                return AccessDecision.ALLOW;
            case DENY:
                return AccessDecision.deny("rule '" + rule.text() + "'");
            case VALID_USER:
                return user != null ? AccessDecision.ALLOW : AccessDecision.challenge("rule '" + rule.text() + "'");
            case USER:
                return user != null && rule.names().contains(user.name()) ? AccessDecision.ALLOW
                        : AccessDecision.challenge("rule '" + rule.text() + "'");
            default:
                return user != null && user.groups().stream().anyMatch(rule.names()::contains) ? AccessDecision.ALLOW
                        : AccessDecision.challenge("rule '" + rule.text() + "'");
        }
    }
}
