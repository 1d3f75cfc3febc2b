package org.tributary.auth.internal.ip;

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

/**
 * Allows or denies client addresses per path ({@link IpRules}). A configuration with a broken
 * rule denies every request until it is fixed: a typo must never open access.
 */
@Component(service = AccessPolicy.class, configurationPid = "org.tributary.auth.ip",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = AccessPolicy.NAME + "=" + IpRulesPolicy.NAME)
@Designate(ocd = IpRulesConfig.class)
public class IpRulesPolicy implements AccessPolicy {

    /** This policy's name. */
    static final String NAME = "ip-rules";

    private static final Logger LOG = LoggerFactory.getLogger(IpRulesPolicy.class);

    /** The rules, or why there are none usable. */
    private record State(IpRules rules, AccessDecision broken) {
    }

    private volatile State state = new State(IpRules.parse(new String[0]), null);

    @Activate
    void activate(IpRulesConfig config) {
        open(config.rules());
    }

    @Modified
    void modified(IpRulesConfig config) {
        open(config.rules());
    }

    /**
     * Applies the rules; the OSGi life-cycle methods forward here, and tests call it.
     *
     * @param rules the configured entries (see {@link IpRules#parse})
     */
    public void open(String[] rules) {
        try {
            IpRules parsed = IpRules.parse(rules);
            state = new State(parsed, null);
            LOG.debug("IP rules: {}", parsed.isEmpty() ? "none, every client is allowed" : String.join("; ", rules));
        } catch (IllegalArgumentException e) {
            LOG.error("Every request is denied until the IP rules are fixed (PID org.tributary.auth.ip): {}",
                    e.getMessage());
            state = new State(null, AccessDecision.deny("broken IP rules: " + e.getMessage()));
        }
    }

    @Override
    public AccessDecision decide(AccessRequest request) {
        State current = state;
        return current.broken() != null ? current.broken() : current.rules().decide(request.client(), request.path());
    }
}
