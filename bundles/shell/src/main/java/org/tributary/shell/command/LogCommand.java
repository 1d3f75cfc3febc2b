package org.tributary.shell.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tributary.api.AccessLog;

/**
 * {@code stream:log [-n N]}: the access log's {@code #Fields:} line and its newest lines, oldest first like
 * {@code tail}; the whole log is {@code data/log/tributary-access.log}.
 */
@Service
@Command(scope = "stream", name = "log", description = "Shows the newest lines of the access log (one per finished session)")
public class LogCommand implements Action {

    /** Lines shown without {@code -n}. */
    static final int DEFAULT_LINES = 20;

    @Option(name = "-n", aliases = "--lines", description = "How many lines (at most 500 are kept in memory)")
    int lines = DEFAULT_LINES;

    @Reference(optional = true)
    AccessLog log;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        if (log == null) {
            out.println("The access log is not available (is tributary-core running?)");
            return;
        }
        List<String> newestFirst = log.recent(Math.max(0, lines));
        out.println(log.fields());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            out.println(newestFirst.get(i));
        }
    }
}
