package org.tributary.webconsole.internal.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The Tributary configurations the settings page edits: every {@code org.tributary.*} PID a bundle
 * describes with a metatype, a singleton with its configuration (or none yet, its defaults apply) and
 * each instance of a factory PID, each with its {@link ObjectClassDefinition}.
 */
final class ConfigForms {

    /** The PIDs shown. */
    static final String PREFIX = "org.tributary.";

    private final ConfigurationAdmin configs;
    private final MetaTypeService metaTypes;

    ConfigForms(ConfigurationAdmin configs, MetaTypeService metaTypes) {
        this.configs = configs;
        this.metaTypes = metaTypes;
    }

    /**
     * One form.
     *
     * @param pid        the configuration's PID (a factory instance's own PID)
     * @param factoryPid its factory PID, or null for a singleton
     * @param definition its attributes
     * @param properties its properties now, or null when it has none (defaults apply)
     */
    record Form(String pid, String factoryPid, ObjectClassDefinition definition, Dictionary<String, Object> properties) {
    }

    /** @return every form, singletons by PID, then the instances of each factory */
    List<Form> all(Bundle[] bundles) throws IOException {
        Map<String, Form> forms = new TreeMap<>();
        for (Bundle bundle : bundles) {
            MetaTypeInformation info = metaTypes.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                if (pid.startsWith(PREFIX)) {
                    Configuration config = find("service.pid", pid).stream().findFirst().orElse(null);
                    forms.put(pid, new Form(pid, null, info.getObjectClassDefinition(pid, null),
                            config == null ? null : config.getProperties()));
                }
            }
            for (String factoryPid : info.getFactoryPids()) {
                if (factoryPid.startsWith(PREFIX)) {
                    ObjectClassDefinition definition = info.getObjectClassDefinition(factoryPid, null);
                    for (Configuration config : find("service.factoryPid", factoryPid)) {
                        forms.put(factoryPid + "~" + config.getPid(),
                                new Form(config.getPid(), factoryPid, definition, config.getProperties()));
                    }
                }
            }
        }
        return new ArrayList<>(forms.values());
    }

    /** @return the form of {@code pid}, or null when no Tributary metatype describes it */
    Form find(Bundle[] bundles, String pid) throws IOException {
        for (Form form : all(bundles)) {
            if (form.pid().equals(pid)) {
                return form;
            }
        }
        return null;
    }

    /** @return the configuration to update for {@code form}: its own, or a new unbound one for a singleton */
    Configuration configuration(Form form) throws IOException {
        List<Configuration> found = find("service.pid", form.pid());
        if (!found.isEmpty()) {
            return found.get(0);
        }
        if (form.factoryPid() != null) {
            throw new IOException("configuration " + form.pid() + " no longer exists");
        }
        return configs.getConfiguration(form.pid(), null);
    }

    private List<Configuration> find(String key, String value) throws IOException {
        try {
            Configuration[] found = configs.listConfigurations("(" + key + "=" + escapeFilter(value) + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IOException("cannot look up " + value, e);
        }
    }

    /** Escapes the characters an LDAP filter value may not hold (RFC 4515). */
    static String escapeFilter(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
