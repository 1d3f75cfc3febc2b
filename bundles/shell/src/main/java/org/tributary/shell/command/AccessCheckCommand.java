package org.tributary.shell.command;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessMode;
import org.tributary.api.AccessRequest;
import org.tributary.api.AccessService;
import org.tributary.api.AuthRealm;
import org.tributary.api.UserPrincipal;
import org.tributary.shell.command.completers.UserNameCompleter;

/**
 * {@code stream:access-check USER PATH [READ|WRITE]}: asks the access service what it would answer
 * to a request, as if the user had logged in (found through the realms, without a password).
 */
@Service
@Command(scope = "stream", name = "access-check",
        description = "Tells whether a user may read (watch) or write (publish) a path: ALLOW, CHALLENGE or DENY, and why")
public class AccessCheckCommand implements Action {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("(?=[^:]*:)\\[?[0-9A-Fa-f:][0-9A-Fa-f:.]*]?");

    static final String ANONYMOUS = "anonymous";

    @Argument(index = 0, name = "user", description = "The user name, or " + ANONYMOUS
            + " for a client without credentials", required = true)
    @Completion(UserNameCompleter.class)
    String user;

    @Argument(index = 1, name = "path", description = "The request path, such as /private/sample.mp4", required = true)
    String path;

    @Argument(index = 2, name = "mode", description = "READ (watch, the default) or WRITE (publish)")
    @Completion(value = StringsCompleter.class, values = {"READ", "WRITE"})
    String mode = AccessMode.READ.name();

    @Option(name = "-a", aliases = "--address", description = "The client's IP address (default 127.0.0.1)")
    String address = "127.0.0.1";

    @Reference(optional = true)
    AccessService access;

    @Reference(optional = true)
    List<AuthRealm> realms;

    @Override
    public Object execute() throws CommandException {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        if (access == null) {
            throw new CommandException("no access service is running (the tributary core bundle is stopped?)");
        }
        if (!path.startsWith("/")) {
            throw new CommandException("the path must start with '/', such as /private/sample.mp4: " + path);
        }
        AccessMode accessMode = parseMode(mode);
        InetAddress client = parseAddress(address);
        Optional<UserPrincipal> principal = findUser();
        AccessDecision decision = access.check(new AccessRequest(principal, client, path, accessMode));
        out.println("User:    " + principal.map(AccessCheckCommand::describe).orElse(ANONYMOUS));
        out.println("Request: " + accessMode + " " + path + " from " + client.getHostAddress());
        out.println("Verdict: " + decision.verdict());
        out.println("Reason:  " + decision.reason());
        if (access.blocked(client)) {
            out.println("Note:    " + client.getHostAddress() + " is blocked for now after too many failed logins");
        }
    }

    private Optional<UserPrincipal> findUser() throws CommandException {
        // Not "-": Karaf's parser takes any word starting with '-' for an option.
        if (ANONYMOUS.equals(user)) {
            return Optional.empty();
        }
        List<AuthRealm> sorted = new ArrayList<>(realms == null ? List.of() : realms);
        sorted.sort(Comparator.comparing(AuthRealm::name));
        for (AuthRealm realm : sorted) {
            Optional<UserPrincipal> found = realm.lookup(user);
            if (found.isPresent()) {
                return found;
            }
        }
        String asked = sorted.isEmpty() ? "no realm is running"
                : "realms asked: " + sorted.stream().map(AuthRealm::name).collect(Collectors.joining(", "));
        throw new CommandException("unknown user " + user + " (" + asked + "); use " + ANONYMOUS
                + " to check a client without credentials");
    }

    private static String describe(UserPrincipal principal) {
        String groups = principal.groups().isEmpty() ? "none" : String.join(", ", new TreeSet<>(principal.groups()));
        return principal.name() + " (realm " + principal.realm() + ", groups: " + groups + ")";
    }

    static AccessMode parseMode(String text) throws CommandException {
        try {
            return AccessMode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("the mode must be READ or WRITE, not " + text);
        }
    }

    /** Parses an IP literal; a host name is refused so that the check never waits on DNS. */
    static InetAddress parseAddress(String text) throws CommandException {
        try {
            Matcher v4 = IPV4.matcher(text);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        throw new CommandException("not an IP address: " + text);
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (IPV6.matcher(text).matches()) {
                // Starting with a hex digit, ':' or '[' and holding a ':', it is parsed as an IPv6 literal
                // (or refused) by getByName, which then never asks DNS.
                return InetAddress.getByName(text);
            }
        } catch (UnknownHostException e) {
            throw new CommandException("not an IP address: " + text, e);
        }
        throw new CommandException("not an IP address (give a literal such as 192.0.2.7 or ::1): " + text);
    }
}
