package org.tributary.webconsole.internal.http;

import java.security.Principal;
import java.util.Arrays;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/** Checks a user's password and role against a JAAS realm (Karaf's {@code karaf} realm by default). */
final class JaasLogin implements Login {

    private final String realm;
    private final String role;

    JaasLogin(String realm, String role) {
        this.realm = realm;
        this.role = role;
    }

    @Override
    public Result check(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        char[] copy = password.clone();
        try {
            // the login modules are found through the context class loader; a servlet thread's may not see them
            thread.setContextClassLoader(JaasLogin.class.getClassLoader());
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, copy));
            login.login();
            boolean admin = subject.getPrincipals().stream().anyMatch(this::isRole);
            login.logout();
            return admin ? Result.ALLOWED : Result.NOT_IN_ROLE;
        } catch (LoginException e) {
            return Result.WRONG;
        } finally {
            Arrays.fill(copy, '\0');
            thread.setContextClassLoader(previous);
        }
    }

    private boolean isRole(Principal principal) {
        // Karaf's RolePrincipal, found by name so that this bundle does not depend on Karaf's JAAS classes
        return principal.getClass().getSimpleName().equals("RolePrincipal") && role.equals(principal.getName());
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(user);
            } else if (callback instanceof PasswordCallback pass) {
                pass.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
