package org.tributary.auth.internal.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tributary.api.DigestAlgorithm;
import org.tributary.auth.internal.BoundedFiles;
import org.tributary.auth.internal.TextLines;
import org.tributary.security.DigestHash;
import org.tributary.auth.internal.Names;

/**
 * A QTSS users file: an optional first line {@code realm NAME}, then one user per line,
 * {@code name:crypt:md5ha1} (QTSS) or {@code name::md5ha1:sha256ha1} (Tributary); blank lines and
 * {@code #} comments are ignored. A broken line is skipped and reported in {@link #problems()};
 * every line, broken or not, is kept so that rewriting the file loses nothing an admin typed.
 */
final class QtUsersFile {

    /** Largest users file read. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    private static final String REALM_KEYWORD = "realm";

    /** A line as read: its text, and the user it defines or, for a broken line, claims to define. */
    private record Line(String text, QtUser user, String claimedName) {
    }

    private final String realm;
    private final List<Line> lines;
    private final Map<String, QtUser> users;
    private final List<String> problems;

    private QtUsersFile(String realm, List<Line> lines, Map<String, QtUser> users, List<String> problems) {
        this.realm = realm;
        this.lines = lines;
        this.users = users;
        this.problems = problems;
    }

    /**
     * Reads a users file; a missing file reads as an empty one.
     *
     * @throws IOException when it exists but cannot be read, or is too large
     */
    static QtUsersFile read(Path file) throws IOException {
        return parse(file.toString(), BoundedFiles.readTextOrEmpty(file, MAX_FILE_BYTES));
    }

    /**
     * @param source names the file in problem reports
     * @param text   the file's content
     */
    static QtUsersFile parse(String source, String text) {
        String realm = null;
        boolean seenContent = false;
        List<Line> lines = new ArrayList<>();
        Map<String, QtUser> users = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> rawLines = TextLines.split(text);
        for (int i = 0; i < rawLines.size(); i++) {
            String raw = rawLines.get(i);
            String line = raw.strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                lines.add(new Line(raw, null, null));
                continue;
            }
            if (!seenContent && isRealmLine(line)) {
                seenContent = true;
                realm = line.substring(REALM_KEYWORD.length()).strip();
                continue;
            }
            seenContent = true;
            String claimed = line.indexOf(':') > 0 ? line.substring(0, line.indexOf(':')) : null;
            String problem = userProblem(line);
            QtUser user = problem == null ? user(line) : null;
            if (user != null && users.containsKey(user.name())) {
                problem = "duplicate user '" + Names.printable(user.name()) + "' (first on line "
                        + firstLine.get(user.name()) + ")";
                user = null;
            }
            if (problem != null) {
                problems.add("line " + number + " of " + source + ": " + problem);
                lines.add(new Line(raw, null, claimed));
            } else {
                users.put(user.name(), user);
                firstLine.put(user.name(), number);
                lines.add(new Line(raw, user, user.name()));
            }
        }
        return new QtUsersFile(realm == null || realm.isEmpty() ? null : realm, List.copyOf(lines),
                Collections.unmodifiableMap(users), List.copyOf(problems));
    }

    private static boolean isRealmLine(String line) {
        return line.length() > REALM_KEYWORD.length() && line.startsWith(REALM_KEYWORD)
                && Character.isWhitespace(line.charAt(REALM_KEYWORD.length()));
    }

    /** @return why the line is not a user, or null when it is one */
    private static String userProblem(String line) {
        if (line.indexOf('\uFFFD') >= 0) {
            return "not valid UTF-8";
        }
        String[] fields = line.split(":", -1);
        if (fields.length < 2) {
            return "not 'user:crypt:md5ha1[:sha256ha1]'";
        }
        if (fields.length > 4) {
            return "more than 4 ':'-separated fields";
        }
        Optional<String> nameProblem = Names.userNameProblem(fields[0]);
        if (nameProblem.isPresent()) {
            return nameProblem.get();
        }
        for (char c : fields[1].toCharArray()) {
            if (Character.isISOControl(c)) {
                return "control character in the crypt field";
            }
        }
        String md5 = fields.length > 2 ? fields[2] : "";
        String sha = fields.length > 3 ? fields[3] : "";
        String md5Problem = ha1Problem(md5, DigestAlgorithm.MD5);
        if (md5Problem != null) {
            return md5Problem;
        }
        String shaProblem = ha1Problem(sha, DigestAlgorithm.SHA_256);
        if (shaProblem != null) {
            return shaProblem;
        }
        if (fields[1].isEmpty() && md5.isEmpty() && sha.isEmpty()) {
            return "no password hash";
        }
        return null;
    }

    private static String ha1Problem(String ha1, DigestAlgorithm algorithm) {
        if (ha1.isEmpty()) {
            return null;
        }
        int length = DigestHash.of(algorithm.token()).hexLength();
        if (!DigestHash.isHex(ha1) || ha1.length() != length) {
            return algorithm.token() + " HA1 is not " + length + " hex digits";
        }
        return null;
    }

    private static QtUser user(String line) {
        String[] fields = line.split(":", -1);
        return new QtUser(fields[0], fields[1],
                fields.length > 2 ? fields[2].toLowerCase(Locale.ROOT) : "",
                fields.length > 3 ? fields[3].toLowerCase(Locale.ROOT) : "");
    }

    /** @return the name of the {@code realm} line, when the file has one */
    Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** @return the valid users by name, in file order */
    Map<String, QtUser> users() {
        return users;
    }

    /** @return one message per skipped line, naming the file and line number */
    List<String> problems() {
        return problems;
    }

    /**
     * @param user a new or changed user
     * @return this file with the user's line replaced (or appended), and its broken duplicates gone
     */
    QtUsersFile withUser(QtUser user) {
        List<Line> changed = new ArrayList<>();
        boolean placed = false;
        for (Line line : lines) {
            if (user.name().equals(line.claimedName())) {
                if (!placed && line.user() != null) {
                    changed.add(new Line(user.line(), user, user.name()));
                    placed = true;
                }
            } else {
                changed.add(line);
            }
        }
        if (!placed) {
            changed.add(new Line(user.line(), user, user.name()));
        }
        return rebuilt(changed);
    }

    /** @return this file without any line for the user (broken duplicates included) */
    QtUsersFile withoutUser(String name) {
        List<Line> changed = new ArrayList<>();
        for (Line line : lines) {
            if (!name.equals(line.claimedName())) {
                changed.add(line);
            }
        }
        return rebuilt(changed);
    }

    private QtUsersFile rebuilt(List<Line> changed) {
        Map<String, QtUser> byName = new LinkedHashMap<>();
        for (Line line : changed) {
            if (line.user() != null) {
                byName.put(line.user().name(), line.user());
            }
        }
        return new QtUsersFile(realm, List.copyOf(changed), Collections.unmodifiableMap(byName), problems);
    }

    /**
     * @param defaultRealm the realm written when the file has no {@code realm} line yet
     * @return the file's text, the {@code realm} line first
     */
    String format(String defaultRealm) {
        StringBuilder out = new StringBuilder();
        out.append(REALM_KEYWORD).append(' ').append(realm != null ? realm : defaultRealm).append('\n');
        for (Line line : lines) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }
}
