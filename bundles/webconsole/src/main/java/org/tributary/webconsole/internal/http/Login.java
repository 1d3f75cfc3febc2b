package org.tributary.webconsole.internal.http;

/** Checks an administrator's credentials. */
interface Login {

    /** The outcome of a check. */
    enum Result { ALLOWED, NOT_IN_ROLE, WRONG }

    /**
     * @param user     the user name; untrusted
     * @param password the password; not kept
     * @return whether the user may manage the server
     */
    Result check(String user, char[] password);
}
