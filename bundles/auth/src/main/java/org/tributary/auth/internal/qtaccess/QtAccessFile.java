package org.tributary.auth.internal.qtaccess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tributary.api.AccessMode;
import org.tributary.api.UserPrincipal;
import org.tributary.auth.internal.TextLines;

/**
 * A parsed QTSS access file ({@code qtaccess}): {@code AuthName}, {@code require valid-user},
 * {@code require any-user}, {@code require user U...}, {@code require group G...}, and
 * {@code <Limit READ|WRITE>...</Limit>} sections; keywords are case-insensitive. Requirements
 * outside a section apply to READ. {@code AuthUserFile}, {@code AuthGroupFile} and
 * {@code AuthScheme} are accepted and ignored: users come from the realms, the scheme from the
 * RTSP configuration. Anything else makes the file broken, and a broken file denies everything.
 */
final class QtAccessFile {

    /** What a {@code require} line demands. */
    enum Kind { ANY_USER, VALID_USER, USER, GROUP }

    /** One {@code require} line. */
    record Requirement(Kind kind, Set<String> names) {
    }

    private static final Set<String> IGNORED = Set.of("authuserfile", "authgroupfile", "authscheme");

    private final String authName;
    private final Map<AccessMode, List<Requirement>> requirements;
    private final int brokenLine;
    private final String problem;
    private final List<String> ignoredLines;

    private QtAccessFile(String authName, Map<AccessMode, List<Requirement>> requirements, int brokenLine,
            String problem, List<String> ignoredLines) {
        this.authName = authName;
        this.requirements = requirements;
        this.brokenLine = brokenLine;
        this.problem = problem;
        this.ignoredLines = ignoredLines;
    }

    /** @param text the file's content */
    static QtAccessFile parse(String text) {
        Parser parser = new Parser();
        List<String> lines = TextLines.split(text);
        for (int i = 0; i < lines.size(); i++) {
            String problem = parser.line(i + 1, lines.get(i).strip());
            if (problem != null) {
                return new QtAccessFile(null, Map.of(), i + 1, problem, List.of());
            }
        }
        if (parser.limitLine > 0) {
            return new QtAccessFile(null, Map.of(), parser.limitLine,
                    "<Limit> is not closed by </Limit>", List.of());
        }
        Map<AccessMode, List<Requirement>> frozen = new EnumMap<>(AccessMode.class);
        parser.requirements.forEach((mode, list) -> frozen.put(mode, List.copyOf(list)));
        return new QtAccessFile(parser.authName, frozen, 0, null, List.copyOf(parser.ignored));
    }

    /**
     * @param problem why there is no usable file (it cannot be read, leads out of the media folder)
     * @return a broken file, which denies everything
     */
    static QtAccessFile broken(String problem) {
        return new QtAccessFile(null, Map.of(), 0, problem, List.of());
    }

    /** @return why the file is broken, or empty when it is not */
    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** @return the line the problem is on (0 when the file is not broken) */
    int brokenLine() {
        return brokenLine;
    }

    /** @return the {@code AuthName}, when the file has one */
    Optional<String> authName() {
        return Optional.ofNullable(authName);
    }

    /** @return the directives accepted and ignored, as {@code line N: text} */
    List<String> ignoredLines() {
        return ignoredLines;
    }

    /** @return the requirements for a mode; any one of them satisfied lets the request through */
    List<Requirement> requirements(AccessMode mode) {
        return requirements.getOrDefault(mode, List.of());
    }

    /**
     * @return true when no requirement applies to the mode, or one of them is met by the user
     */
    boolean allows(Optional<UserPrincipal> user, AccessMode mode) {
        List<Requirement> list = requirements(mode);
        if (list.isEmpty()) {
            return true;
        }
        for (Requirement requirement : list) {
            if (meets(requirement, user)) {
                return true;
            }
        }
        return false;
    }

    private static boolean meets(Requirement requirement, Optional<UserPrincipal> user) {
        switch (requirement.kind()) {
            case ANY_USER:
                return true;
            case VALID_USER:
                return user.isPresent();
            case USER:
                return user.isPresent() && requirement.names().contains(user.get().name());
            default:
                return user.isPresent() && user.get().groups().stream().anyMatch(requirement.names()::contains);
        }
    }

    /** Reads line after line; keeps the state of an open {@code <Limit>} section. */
    private static final class Parser {

        private final Map<AccessMode, List<Requirement>> requirements = new EnumMap<>(AccessMode.class);
        private final List<String> ignored = new ArrayList<>();
        private Set<AccessMode> limit;
        private int limitLine;
        private String authName;

        /** @return the problem with the line, or null */
        String line(int number, String line) {
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            String[] words = line.split("\\s+");
            String keyword = words[0].toLowerCase(Locale.ROOT);
            if (keyword.startsWith("<limit")) {
                return openLimit(number, line);
            }
            if (keyword.equals("</limit>")) {
                if (limit == null || words.length > 1) {
                    return limit == null ? "</Limit> without <Limit>" : "text after </Limit>";
                }
                limit = null;
                limitLine = 0;
                return null;
            }
            if (keyword.equals("require")) {
                return require(words);
            }
            if (keyword.equals("authname")) {
                return authName(line.substring(words[0].length()).strip());
            }
            if (IGNORED.contains(keyword)) {
                ignored.add("line " + number + ": " + line);
                return null;
            }
            return "unknown directive '" + words[0] + "'";
        }

        private String openLimit(int number, String line) {
            if (limit != null) {
                return "<Limit> inside the <Limit> of line " + limitLine;
            }
            String inner = line.substring("<limit".length());
            if (!inner.endsWith(">") || inner.isEmpty() || !Character.isWhitespace(inner.charAt(0))) {
                return "not '<Limit READ|WRITE ...>'";
            }
            Set<AccessMode> modes = EnumSet.noneOf(AccessMode.class);
            for (String word : inner.substring(0, inner.length() - 1).strip().split("\\s+")) {
                switch (word.toUpperCase(Locale.ROOT)) {
                    case "READ" -> modes.add(AccessMode.READ);
                    case "WRITE" -> modes.add(AccessMode.WRITE);
                    default -> {
                        return "<Limit> names '" + word + "', not READ or WRITE";
                    }
                }
            }
            limit = modes;
            limitLine = number;
            return null;
        }

        private String require(String[] words) {
            if (words.length < 2) {
                return "require without what it requires";
            }
            String what = words[1].toLowerCase(Locale.ROOT);
            Kind kind = switch (what) {
                case "any-user" -> Kind.ANY_USER;
                case "valid-user" -> Kind.VALID_USER;
                case "user" -> Kind.USER;
                case "group" -> Kind.GROUP;
                default -> null;
            };
            if (kind == null) {
                return "require '" + words[1] + "' is not valid-user, any-user, user or group";
            }
            Set<String> names = Set.copyOf(Arrays.asList(words).subList(2, words.length));
            boolean needsNames = kind == Kind.USER || kind == Kind.GROUP;
            if (needsNames == names.isEmpty()) {
                return needsNames ? "require " + what + " names nobody" : "text after require " + what;
            }
            Requirement requirement = new Requirement(kind, names);
            for (AccessMode mode : limit == null ? EnumSet.of(AccessMode.READ) : limit) {
                requirements.computeIfAbsent(mode, m -> new ArrayList<>()).add(requirement);
            }
            return null;
        }

        private String authName(String value) {
            String name = value;
            if (name.startsWith("\"")) {
                if (name.length() < 2 || !name.endsWith("\"")) {
                    return "AuthName has an unclosed quote";
                }
                name = name.substring(1, name.length() - 1);
            }
            if (name.isBlank()) {
                return "AuthName without a name";
            }
            authName = name;
            return null;
        }
    }
}
