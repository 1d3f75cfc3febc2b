package org.tributary.core.internal;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Optional;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps {@code etc/org.tributary.*.cfg} files editable by hand after a Web Console save. The save
 * rewrites a file in Karaf's typed syntax ({@code sessionTimeout = I"45"}); a plain line added to it
 * afterwards ({@code tlsKeystore = rtsps.p12}) makes Karaf read the whole file as plain text, and each
 * typed line then reaches the component as its raw text ({@code I"45"}), which fails to convert. This
 * plugin hands the components of Tributary's PIDs the values those lines stand for, so mixed files work.
 */
@Component(service = ConfigurationPlugin.class, immediate = true,
        property = {"config.plugin.id=org.tributary.typed-values", ConfigurationPlugin.CM_RANKING + ":Integer=100"})
public class TypedValuesPlugin implements ConfigurationPlugin {

    /** The PIDs this plugin looks at: Tributary's own. */
    static final String PID_PREFIX = "org.tributary.";

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        decode(properties);
    }

    /** Replaces each raw typed text of a Tributary configuration by its value. */
    static void decode(Dictionary<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        if (!(pid instanceof String name) || !name.startsWith(PID_PREFIX)) {
            return;
        }
        for (String key : Collections.list(properties.keys())) {
            if (properties.get(key) instanceof String text) {
                Optional<Object> value = TypedValues.decode(text);
                value.ifPresent(v -> properties.put(key, v));
            }
        }
    }
}
