package org.tributary.shell.command;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code stream:mp3-password}: sets the password of MP3 sources (or, with {@code --admin}, of the admin user)
 * in the configuration {@code org.tributary.mp3}. It is typed twice with echo off and never shown; for scripts
 * {@code --password} gives it on the command line, which ends up in the shell history. Stations on air keep playing.
 */
@Service
@Command(scope = "stream", name = "mp3-password",
        description = "Sets the password MP3 sources (user 'source') log in with; asked twice on the console, never echoed")
public class Mp3PasswordCommand implements Action {

    /** The MP3 broadcast's configuration PID. */
    static final String PID = "org.tributary.mp3";

    @Option(name = "-a", aliases = "--admin", description = "Set the admin password (for /admin/metadata) instead")
    boolean admin;

    @Option(name = "-p", aliases = "--password", description = "The password, for scripts that have no console. "
            + "WARNING: it lands in the shell history; leave it out to be asked with echo off")
    String givenPassword;

    @Reference
    ConfigurationAdmin configurationAdmin;

    @Reference
    Session session;

    @Override
    public Object execute() throws CommandException, IOException {
        run(PasswordPrompt.givenOr(givenPassword, session), System.out);
        return null;
    }

    void run(PasswordPrompt prompt, PrintStream out) throws CommandException, IOException {
        String password = prompt.ask("Password: ");
        if (password == null || password.isEmpty()) {
            throw new CommandException("no password typed (without a console, give it with --password); nothing changed");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new CommandException("control characters are refused in passwords; nothing changed");
        }
        if (!password.equals(prompt.ask("Password again: "))) {
            throw new CommandException("the two passwords differ; nothing changed");
        }
        String key = admin ? "adminPassword" : "sourcePassword";
        Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(key, password);
        configuration.update(properties);
        out.println((admin ? "Admin" : "Source") + " password of the MP3 broadcast set (" + PID + " " + key + ")");
    }
}
