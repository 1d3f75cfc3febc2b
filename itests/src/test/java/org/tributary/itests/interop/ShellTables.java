package org.tributary.itests.interop;

import java.util.List;
import java.util.Optional;
import org.tributary.itests.support.ProcessResult;

/** Reads the tables the {@code stream:} shell commands print (Karaf's ShellTable, cells between '|'). */
final class ShellTables {

    private ShellTables() {
    }

    /**
     * @return the cell of {@code column} in the first row whose cell of {@code keyColumn} is {@code key},
     *         or empty when no row has that key
     * @throws AssertionError when the table has no such column
     */
    static Optional<String> cell(ProcessResult listed, String keyColumn, String key, String column) {
        List<List<String>> rows = listed.stdout().replaceAll("\u001B\\[[;\\d]*m", "").lines()
                .map(line -> List.of(line.split("\\|", -1)).stream().map(String::strip).toList())
                .toList();
        List<String> header = rows.stream().filter(row -> row.contains(column) && row.contains(keyColumn))
                .findFirst().orElseThrow(() -> new AssertionError("no columns " + keyColumn + " and " + column
                        + listed.describe()));
        int keyAt = header.indexOf(keyColumn);
        int at = header.indexOf(column);
        return rows.stream().filter(row -> row.size() > Math.max(keyAt, at) && row.get(keyAt).equals(key))
                .map(row -> row.get(at)).findFirst();
    }
}
