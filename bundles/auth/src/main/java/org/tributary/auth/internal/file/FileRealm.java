package org.tributary.auth.internal.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AuthRealm;
import org.tributary.api.DigestAlgorithm;
import org.tributary.api.UserPrincipal;
import org.tributary.api.UserStore;
import org.tributary.security.DigestHash;
import org.tributary.auth.internal.KarafFolders;
import org.tributary.auth.internal.Names;

/**
 * The users file realm: QTSS qtusers/qtgroups files, read live (the files are polled, and read
 * again only when they change), so an admin's edit applies without a restart. New passwords are
 * stored as MD5 and SHA-256 Digest HA1 only.
 */
@Component(service = {AuthRealm.class, UserStore.class}, configurationPid = "org.tributary.auth.file",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FileRealmConfig.class)
public class FileRealm implements AuthRealm, UserStore {

    /** QTSS's realm name. */
    static final String DEFAULT_REALM = "Streaming Server";

    /** How often the files are looked at. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(FileRealm.class);

    private final Duration pollInterval;
    /** Serializes reloads and writes; readers use the volatile snapshot and never wait. */
    private final Object lock = new Object();
    private final Set<String> cryptOnlyReported = ConcurrentHashMap.newKeySet();
    private volatile UserFiles files;
    private volatile FileChangePoller poller;
    private volatile UserDatabase database = UserDatabase.of(DEFAULT_REALM,
            QtUsersFile.parse("none", ""), QtGroupsFile.parse("none", ""));
    private ScheduledExecutorService executor;

    /** Creates the realm; {@link #open} gives it its files. */
    public FileRealm() {
        this(POLL_INTERVAL);
    }

    FileRealm(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    @Activate
    void activate(FileRealmConfig config) {
        open(config.usersFile(), config.groupsFile(), config.realmName());
    }

    @Modified
    void modified(FileRealmConfig config) {
        open(config.usersFile(), config.groupsFile(), config.realmName());
    }

    @Deactivate
    void deactivate() {
        close();
    }

    /**
     * Applies the configuration, reads the files and starts watching them; the OSGi life-cycle
     * methods forward here, and tests call it.
     *
     * @param usersFile  the qtusers file; empty means {@code ${karaf.etc}/qtusers}
     * @param groupsFile the qtgroups file; empty means {@code ${karaf.etc}/qtgroups}
     * @param realmName  the realm while the users file has no {@code realm} line
     */
    public void open(String usersFile, String groupsFile, String realmName) {
        String realm = realmName == null || realmName.isBlank() ? DEFAULT_REALM : realmName.strip();
        UserFiles newFiles = new UserFiles(KarafFolders.etcFile(usersFile, "qtusers"),
                KarafFolders.etcFile(groupsFile, "qtgroups"), realm);
        synchronized (lock) {
            files = newFiles;
            poller = new FileChangePoller(newFiles.paths());
            reload();
            if (executor == null) {
                executor = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "tributary-auth-file-realm");
                    thread.setDaemon(true);
                    return thread;
                });
                long millis = pollInterval.toMillis();
                executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("Users file realm '{}' reads {}", database.realm(), newFiles.paths());
    }

    /** Stops watching the files. */
    public void close() {
        synchronized (lock) {
            if (executor != null) {
                executor.shutdownNow();
                executor = null;
            }
        }
    }

    private void poll() {
        try {
            synchronized (lock) {
                if (poller.look()) {
                    LOG.info("Users or groups file changed, reloading {}", files.paths());
                    database = files.load();
                    cryptOnlyReported.clear();
                }
            }
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task: log it and look again next time
            LOG.error("Cannot reload the users file realm", e);
        }
    }

    /** Reads the files now; callers hold the lock. */
    private void reload() {
        poller.look();
        database = files.load();
        cryptOnlyReported.clear();
    }

    @Override
    public String name() {
        return database.realm();
    }

    @Override
    public Optional<UserPrincipal> authenticate(String user, char[] password) {
        UserDatabase db = database;
        QtUser entry = user == null || password == null ? null : db.users().get(user);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.hasDigest()) {
            if (cryptOnlyReported.add(user)) {
                LOG.warn("User '{}' of {} has only a QTSS crypt password, which cannot be checked: "
                        + "give it a new password", Names.printable(user), files.usersFile());
            }
            return Optional.empty();
        }
        boolean matches = false;
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            Optional<String> stored = entry.ha1(algorithm);
            if (stored.isPresent()) {
                matches |= DigestHash.matches(DigestHash.of(algorithm.token()).ha1(user, db.realm(), password),
                        stored.get());
            }
        }
        return matches ? Optional.of(principal(db, user)) : Optional.empty();
    }

    @Override
    public Optional<String> digestHa1(String user, String realm, DigestAlgorithm algorithm) {
        UserDatabase db = database;
        if (user == null || algorithm == null || !db.realm().equals(realm)) {
            return Optional.empty();
        }
        QtUser entry = db.users().get(user);
        return entry == null ? Optional.empty() : entry.ha1(algorithm);
    }

    @Override
    public Optional<UserPrincipal> lookup(String user) {
        UserDatabase db = database;
        return user != null && db.users().containsKey(user) ? Optional.of(principal(db, user)) : Optional.empty();
    }

    private static UserPrincipal principal(UserDatabase db, String user) {
        return new UserPrincipal(user, db.realm(), db.groupsOf(user));
    }

    @Override
    public String realmName() {
        return database.realm();
    }

    @Override
    public List<String> users() {
        List<String> names = new ArrayList<>(database.users().keySet());
        Collections.sort(names);
        return Collections.unmodifiableList(names);
    }

    @Override
    public Set<String> groupsOf(String user) {
        return database.groupsOf(user);
    }

    @Override
    public Map<String, Set<String>> groups() {
        return database.groups();
    }

    @Override
    public void setPassword(String user, char[] password) {
        checkUserName(user);
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("empty password");
        }
        synchronized (lock) {
            files.setPassword(user, password);
            reload();
        }
    }

    @Override
    public boolean removeUser(String user) {
        synchronized (lock) {
            boolean existed = files.removeUser(user);
            reload();
            return existed;
        }
    }

    @Override
    public void addToGroup(String group, Set<String> users) {
        checkGroupFileName(group);
        users.forEach(FileRealm::checkGroupFileName);
        changeGroups(groups -> groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).addAll(users));
    }

    @Override
    public boolean removeFromGroup(String group, String user) {
        return changeGroups(groups -> {
            Set<String> members = groups.get(group);
            if (members != null) {
                members.remove(user);
            }
        });
    }

    @Override
    public boolean removeGroup(String group) {
        return changeGroups(groups -> groups.remove(group));
    }

    private boolean changeGroups(Consumer<Map<String, Set<String>>> change) {
        synchronized (lock) {
            boolean changed = files.changeGroups(change);
            reload();
            return changed;
        }
    }

    private static void checkUserName(String user) {
        Names.userNameProblem(user).ifPresent(problem -> {
            throw new IllegalArgumentException(problem + ": '" + Names.printable(user) + "'");
        });
    }

    private static void checkGroupFileName(String name) {
        Names.groupFileNameProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem + ": '" + Names.printable(name) + "'");
        });
    }
}
