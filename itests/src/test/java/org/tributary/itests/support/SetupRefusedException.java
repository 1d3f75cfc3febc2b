package org.tributary.itests.support;

import java.io.IOException;

/** A SETUP the server answered with something other than 200: the answer is kept for the test to judge. */
public final class SetupRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient RtspResponse response;

    SetupRefusedException(String message, RtspResponse response) {
        super(message);
        this.response = response;
    }

    /** Returns the server's answer to the SETUP. */
    public RtspResponse response() {
        return response;
    }
}
