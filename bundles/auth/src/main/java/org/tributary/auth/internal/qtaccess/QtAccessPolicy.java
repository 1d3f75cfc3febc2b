package org.tributary.auth.internal.qtaccess;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.api.AccessDecision;
import org.tributary.api.AccessPolicy;
import org.tributary.api.AccessRequest;
import org.tributary.auth.internal.KarafFolders;
import org.tributary.auth.internal.RequestPaths;

/**
 * Applies QTSS access files ({@code qtaccess}) found in the media folder: for a request, the
 * nearest file up the folder tree decides ({@link QtAccessFinder}), with the rules of
 * {@link QtAccessFile}. A request the file does not let through is challenged (401): another user
 * may be allowed. A broken file, or a path that could leave the media folder, is denied.
 */
@Component(service = AccessPolicy.class, configurationPid = "org.tributary.auth.qtaccess",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = AccessPolicy.NAME + "=" + QtAccessPolicy.NAME)
@Designate(ocd = QtAccessConfig.class)
public class QtAccessPolicy implements AccessPolicy {

    /** This policy's name. */
    static final String NAME = "qtaccess";

    /** QTSS's access file name. */
    static final String DEFAULT_FILE_NAME = "qtaccess";

    private static final Logger LOG = LoggerFactory.getLogger(QtAccessPolicy.class);

    /** The finder, or why there is none (a file name that is not a plain name). */
    private record State(QtAccessFinder finder, AccessDecision broken) {
    }

    private volatile State state;

    /** Creates the policy on the default folder, until a configuration says otherwise. */
    public QtAccessPolicy() {
        open("", DEFAULT_FILE_NAME);
    }

    @Activate
    void activate(QtAccessConfig config) {
        open(config.mediaFolder(), config.fileName());
    }

    @Modified
    void modified(QtAccessConfig config) {
        open(config.mediaFolder(), config.fileName());
    }

    /**
     * Applies the configuration; the OSGi life-cycle methods forward here, and tests call it.
     *
     * @param mediaFolder the media folder; empty means {@code ${karaf.home}/media}
     * @param fileName    the access files' name; empty means {@code qtaccess}
     */
    public void open(String mediaFolder, String fileName) {
        String name = fileName == null || fileName.isBlank() ? DEFAULT_FILE_NAME : fileName.strip();
        Optional<List<String>> segments = RequestPaths.segments("/" + name);
        if (segments.isEmpty() || segments.get().size() != 1 || name.contains("/")) {
            LOG.error("Every request is denied: the access file name '{}' (PID org.tributary.auth.qtaccess) "
                    + "is not a plain file name", name);
            state = new State(null, AccessDecision.deny("qtaccess file name '" + name + "' is not a plain name"));
            return;
        }
        QtAccessFinder finder = new QtAccessFinder(KarafFolders.mediaFolder(mediaFolder), name);
        state = new State(finder, null);
        LOG.debug("Access files '{}' apply below {}", name, finder.root());
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        State current = state;
        if (current.broken() != null) {
            return current.broken();
        }
        Optional<List<String>> segments = RequestPaths.segments(request.path());
        if (segments.isEmpty()) {
            return AccessDecision.deny("qtaccess: path is not a plain path");
        }
        List<String> folders = segments.get();
        if (!RequestPaths.namesFolder(request.path()) && !folders.isEmpty()) {
            folders = folders.subList(0, folders.size() - 1);
        }
        Optional<QtAccessFinder.Found> found = current.finder().nearest(folders);
        if (found.isEmpty()) {
            return AccessDecision.ALLOW;
        }
        QtAccessFile file = found.get().file();
        String where = found.get().where();
        if (file.problem().isPresent()) {
            String line = file.brokenLine() > 0 ? " line " + file.brokenLine() : "";
            return AccessDecision.deny("broken qtaccess at " + where + line + ": " + file.problem().get());
        }
        if (file.allows(request.user(), request.mode())) {
            return AccessDecision.ALLOW;
        }
        String realm = file.authName().map(name -> " (AuthName \"" + name + "\")").orElse("");
        return AccessDecision.challenge(request.user()
                .map(user -> "qtaccess at " + where + realm + " does not let user '" + user.name() + "' "
                        + request.mode())
                .orElse("qtaccess at " + where + realm + " requires a user to " + request.mode()));
    }
}
