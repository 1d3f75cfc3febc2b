package org.tributary.auth.internal.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tributary.auth.internal.BoundedFiles;
import org.tributary.auth.internal.TextLines;
import org.tributary.auth.internal.Names;

/**
 * A QTSS groups file: one group per line, {@code group: user1 user2}; blank lines and {@code #}
 * comments are ignored, and a group on several lines gets the members of all of them (as Apache's
 * group files do). A broken line is skipped and reported in {@link #problems()}.
 */
final class QtGroupsFile {

    /** Largest groups file read. */
    static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

    /** A line as read: its text and, for a valid group line, its group. */
    private record Line(String text, String group) {
    }

    private final List<Line> lines;
    private final Map<String, Set<String>> groups;
    private final List<String> problems;

    private QtGroupsFile(List<Line> lines, Map<String, Set<String>> groups, List<String> problems) {
        this.lines = lines;
        this.groups = groups;
        this.problems = problems;
    }

    /**
     * Reads a groups file; a missing file reads as an empty one.
     *
     * @throws IOException when it exists but cannot be read, or is too large
     */
    static QtGroupsFile read(Path file) throws IOException {
        return parse(file.toString(), BoundedFiles.readTextOrEmpty(file, MAX_FILE_BYTES));
    }

    /**
     * @param source names the file in problem reports
     * @param text   the file's content
     */
    static QtGroupsFile parse(String source, String text) {
        List<Line> lines = new ArrayList<>();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> rawLines = TextLines.split(text);
        for (int i = 0; i < rawLines.size(); i++) {
            String raw = rawLines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                lines.add(new Line(raw, null));
                continue;
            }
            String problem = groupProblem(line);
            if (problem != null) {
                problems.add("line " + (i + 1) + " of " + source + ": " + problem);
                lines.add(new Line(raw, null));
                continue;
            }
            int colon = line.indexOf(':');
            String group = line.substring(0, colon).strip();
            Set<String> members = groups.computeIfAbsent(group, g -> new LinkedHashSet<>());
            members.addAll(members(line.substring(colon + 1)));
            lines.add(new Line(raw, group));
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        groups.forEach((group, members) -> frozen.put(group, Collections.unmodifiableSet(members)));
        return new QtGroupsFile(List.copyOf(lines), Collections.unmodifiableMap(frozen), List.copyOf(problems));
    }

    /** @return why the line is not a group, or null when it is one */
    private static String groupProblem(String line) {
        if (line.indexOf('\uFFFD') >= 0) {
            return "not valid UTF-8";
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            return "not 'group: user1 user2 ...'";
        }
        Optional<String> groupProblem = Names.groupFileNameProblem(line.substring(0, colon).strip());
        if (groupProblem.isPresent()) {
            return "group name: " + groupProblem.get();
        }
        for (String member : members(line.substring(colon + 1))) {
            Optional<String> memberProblem = Names.groupFileNameProblem(member);
            if (memberProblem.isPresent()) {
                return "member name: " + memberProblem.get();
            }
        }
        return null;
    }

    private static List<String> members(String text) {
        List<String> members = new ArrayList<>();
        for (String member : text.strip().split("[ \\t]+")) {
            if (!member.isEmpty()) {
                members.add(member);
            }
        }
        return members;
    }

    /** @return every valid group with its members, in file order */
    Map<String, Set<String>> groups() {
        return groups;
    }

    /** @return one message per skipped line, naming the file and line number */
    List<String> problems() {
        return problems;
    }

    /**
     * @param newGroups every group with its members, as the file should now hold them
     * @return this file with each group on one line (where it first was, new groups at the end);
     *         comments and broken lines stay
     */
    QtGroupsFile withGroups(Map<String, Set<String>> newGroups) {
        List<Line> changed = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (Line line : lines) {
            if (line.group() == null) {
                changed.add(line);
            } else if (newGroups.containsKey(line.group()) && written.add(line.group())) {
                changed.add(new Line(groupLine(line.group(), newGroups.get(line.group())), line.group()));
            }
        }
        newGroups.forEach((group, members) -> {
            if (written.add(group)) {
                changed.add(new Line(groupLine(group, members), group));
            }
        });
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        newGroups.forEach((group, members) ->
                copy.put(group, Collections.unmodifiableSet(new LinkedHashSet<>(members))));
        return new QtGroupsFile(List.copyOf(changed), Collections.unmodifiableMap(copy), problems);
    }

    private static String groupLine(String group, Set<String> members) {
        return members.isEmpty() ? group + ":" : group + ": " + String.join(" ", members);
    }

    /** @return the file's text */
    String format() {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }
}
