package org.tributary.itests.interop;

import org.tributary.itests.support.TributaryDistribution;

/**
 * A user name and password as a player is given them: in the URL, {@code rtsp://user:password@host/path}.
 * Only names and passwords that need no percent-encoding are used by the tests.
 *
 * @param user the user name
 * @param password the password in plain text
 */
record Login(String user, String password) {

    /** Returns {@code rtsp://user:password@127.0.0.1:PORT/path} of the server. */
    String url(TributaryDistribution server, String path) {
        return server.url(path).replaceFirst("^rtsp://", "rtsp://" + user + ":" + password + "@");
    }

    /** Returns the same user with another password. */
    Login withPassword(String other) {
        return new Login(user, other);
    }
}
