package org.tributary.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a Web Console save of a Tributary configuration back into its {@code etc/<pid>.cfg}. The
 * console's save drops the property that ties a configuration to its file, so Karaf no longer writes
 * it back: the file keeps the old values, and the next hand edit of it, or the next restart, silently
 * undoes the save. This writes the saved values into the file as plain {@code key = value} lines
 * (comments and order kept), which Karaf then reads again and ties to the file once more.
 */
@Component(immediate = true)
public class CfgFileWriteBack implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(CfgFileWriteBack.class);
    /** The property Karaf's file installer ties a configuration to its file with. */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";

    private final ConfigurationAdmin configurations;
    private final Path etc;

    /** Writes into Karaf's {@code etc} folder. */
    @org.osgi.service.component.annotations.Activate
    public CfgFileWriteBack(@Reference ConfigurationAdmin configurations) {
        this(configurations, Path.of(System.getProperty("karaf.etc", "etc")));
    }

    CfgFileWriteBack(ConfigurationAdmin configurations, Path etc) {
        this.configurations = configurations;
        this.etc = etc;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (event.getType() != ConfigurationEvent.CM_UPDATED || event.getFactoryPid() != null
                || !pid.startsWith(TypedValuesPlugin.PID_PREFIX)) {
            return;
        }
        Path file = etc.resolve(pid + ".cfg");
        try {
            Configuration[] found = configurations.listConfigurations("(service.pid=" + pid + ")");
            Dictionary<String, Object> properties = found == null ? null : found[0].getProperties();
            if (properties == null || properties.get(FILE_PROPERTY) != null || !Files.isRegularFile(file)) {
                return;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (String key : Collections.list(properties.keys())) {
                if (!key.equals("service.pid")) {
                    values.put(key, properties.get(key));
                }
            }
            Files.writeString(file, CfgText.merge(Files.readString(file), values));
            LOG.info("Saved configuration {} written to {}", pid, file);
        } catch (IOException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Saved configuration {} could not be written to {}: {}", pid, file, e.toString());
        }
    }
}
