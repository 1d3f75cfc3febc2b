package org.tributary.auth.internal.jaas;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import javax.security.auth.x500.X500Principal;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/**
 * A login module that knows one user (options {@code user}, {@code password}) and gives it the
 * principals Karaf's modules give: user, group, roles, plus one that is neither.
 */
public class TestLoginModule implements LoginModule {

    /** The password callbacks of the last login, to check they were cleared. */
    static final List<PasswordCallback> CALLBACKS = new ArrayList<>();

    private Subject subject;
    private CallbackHandler handler;
    private Map<String, ?> options;
    private String user;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.options = options;
    }

    @Override
    public boolean login() throws LoginException {
        if ("true".equals(options.get("explode"))) {
            throw new IllegalStateException("module failure");
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            handler.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException(e.toString());
        }
        CALLBACKS.add(password);
        if (!options.get("user").equals(name.getName())
                || !Arrays.equals(((String) options.get("password")).toCharArray(), password.getPassword())) {
            throw new FailedLoginException("wrong user or password");
        }
        user = name.getName();
        return true;
    }

    @Override
    public boolean commit() {
        added.add(new UserPrincipal(user));
        added.add(new GroupPrincipal("admingroup"));
        added.add(new RolePrincipal("broadcaster"));
        added.add(new RolePrincipal("viewer"));
        added.add(new X500Principal("CN=not a group"));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        return true;
    }
}
