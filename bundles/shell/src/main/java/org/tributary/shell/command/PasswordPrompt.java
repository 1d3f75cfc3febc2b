package org.tributary.shell.command;

import java.io.IOException;

import org.apache.karaf.shell.api.console.Session;

/** Asks for a password on the console with echo off; a seam so tests can script the answers. */
@FunctionalInterface
interface PasswordPrompt {

    /**
     * @param prompt the text shown before the input
     * @return the line typed, or null when there is no terminal to read from or the user gave up
     */
    String ask(String prompt) throws IOException;

    /**
     * @param given the password of a {@code --password} option, or null
     * @return a prompt answering every question with {@code given}, or the session's console when null
     */
    static PasswordPrompt givenOr(String given, Session session) {
        return given == null ? of(session) : prompt -> given;
    }

    /** @return a prompt reading from the session's terminal, echoing '*' for every character */
    static PasswordPrompt of(Session session) {
        return prompt -> {
            try {
                return session.readLine(prompt, '*');
            } catch (RuntimeException e) {
                // A headless session (bin/client or ssh with a command, a script) throws
                // UnsupportedOperationException; jline ends Ctrl-D and Ctrl-C with its own runtime
                // exceptions. Each means: no password was typed.
                return null;
            }
        };
    }
}
