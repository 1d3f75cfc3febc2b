package org.tributary.webconsole.internal.admin;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.slf4j.LoggerFactory;
import org.tributary.security.RefusalLog;

/**
 * The last module of Karaf's {@code karaf} realm here ({@link AdminRealm}): a login with the shipped
 * credentials karaf/karaf from a non-loopback client fails, whatever the modules after it would say. Karaf's
 * SSH server and JMX connector put the client's address into the subject before the login
 * ({@link ClientPrincipal}: {@code ssh} and {@code jmx}); a login without one (the local console, the web
 * console, which has its own guard) is left to the other modules, as is every other login: this module then
 * takes no part in the decision. Refusals are logged through a {@link RefusalLog}, never with the password.
 */
public final class ShippedAdminLoginModule implements LoginModule {

    private static final RefusalLog REFUSALS =
            new RefusalLog(LoggerFactory.getLogger(ShippedAdminLoginModule.class));

    private Subject subject;
    private CallbackHandler handler;

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
    }

    @Override
    public boolean login() throws LoginException {
        Optional<ClientPrincipal> client = subject == null ? Optional.empty()
                : subject.getPrincipals(ClientPrincipal.class).stream().findFirst();
        if (client.isEmpty() || handler == null) {
            return false;
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            // a public key login, or a handler that gives no password: nothing to judge here
            return false;
        }
        char[] given = password.getPassword();
        try {
            String address = hostOf(client.get().getAddress());
            if (ShippedAdmin.refused(name.getName(), given == null ? new char[0] : given,
                    ShippedAdmin.address(address))) {
                REFUSALS.warn(address, "{} login of {} from {} refused: the shipped password is unchanged; {}",
                        client.get().getMethod(), ShippedAdmin.USER, address, ShippedAdmin.REFUSAL);
                throw new FailedLoginException(ShippedAdmin.REFUSAL);
            }
            return false;
        } finally {
            password.clearPassword();
        }
    }

    /**
     * @return the address literal in what Karaf records: {@code /10.0.0.5:51234} or {@code host/10.0.0.5:51234}
     *         for SSH (a socket address), {@code 10.0.0.5} for JMX, {@code /[::1]:22} or {@code /0:0:0:0:0:0:0:1:22}
     */
    static String hostOf(String recorded) {
        if (recorded == null) {
            return "";
        }
        String text = recorded.substring(recorded.lastIndexOf('/') + 1);
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            return close < 0 ? text : text.substring(1, close);
        }
        return RefusalLog.sourceName(text);
    }

    @Override
    public boolean commit() {
        return false;
    }

    @Override
    public boolean abort() {
        return false;
    }

    @Override
    public boolean logout() {
        return true;
    }
}
