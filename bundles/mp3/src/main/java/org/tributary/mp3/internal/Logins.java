package org.tributary.mp3.internal;

import java.net.InetAddress;
import java.util.function.Predicate;

import org.tributary.api.AccessService;
import org.tributary.api.http.HttpExchange;
import org.tributary.security.RefusalLog;

/**
 * Password checks of sources and admin requests, counted with the RTSP logins: a failure is recorded with
 * the {@link AccessService} (so an address that guesses too often is blocked everywhere), logged at a bounded
 * rate, and answered late; a blocked address is refused at once.
 */
final class Logins {

    private final AccessService access;
    private final Refusals refusals;
    private final RefusalLog refusalLog;

    Logins(AccessService access, Refusals refusals, RefusalLog refusalLog) {
        this.access = access;
        this.refusals = refusals;
        this.refusalLog = refusalLog;
    }

    /**
     * @param what        what logs in, for the log, such as {@code "MP3 source for /radio"}
     * @param credentials the credentials sent, or null when none were
     * @param right       whether credentials are right
     * @return true when the request may go on; otherwise it was answered (or will be, late)
     */
    boolean check(HttpExchange exchange, String what, Credentials credentials, Predicate<Credentials> right) {
        InetAddress address = exchange.remote().getAddress();
        String client = RefusalLog.sourceName(exchange.remote());
        if (access.blocked(address)) {
            refusalLog.info(address, "{} from {} refused: the address is blocked after too many failed logins",
                    what, client);
            refusals.now(exchange, 403, "Too many failed logins from this address: try again later");
            return false;
        }
        if (credentials == null) {
            refusals.now(exchange, 401, "Authentication required");
            return false;
        }
        if (!right.test(credentials)) {
            access.loginFailed(address, credentials.user());
            refusalLog.info(address, "{} from {} refused: wrong user or password", what, client);
            refusals.late(exchange, 401, "Wrong user or password");
            return false;
        }
        return true;
    }
}
