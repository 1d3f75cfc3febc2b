package org.tributary.core.internal.review;

import java.util.Map;

/**
 * A management console's listening address as configured.
 *
 * @param console what listens (SSH, JMX, the web server)
 * @param pid     the configuration PID holding the setting
 * @param key     the setting
 * @param value   its value, or null when unset (Karaf's default: every interface)
 */
record ConsoleBind(String console, String pid, String key, String value) {

    /** The web server (Felix Web Console, /tributary): Pax Web's listening addresses. */
    static final String WEB_PID = "org.ops4j.pax.web";
    /** Karaf's SSH server (also bin/client). */
    static final String SSH_PID = "org.apache.karaf.shell";
    /** Karaf's JMX connector. */
    static final String JMX_PID = "org.apache.karaf.management";

    /** Reads the binds of the web server, SSH and JMX from their configurations (PID to properties). */
    static ConsoleBind[] of(Map<String, Map<String, Object>> configs) {
        return new ConsoleBind[] {
            read(configs, "the web server (/system/console, /tributary)", WEB_PID, "org.ops4j.pax.web.listening.addresses"),
            read(configs, "SSH (the Karaf shell)", SSH_PID, "sshHost"),
            read(configs, "JMX (RMI registry)", JMX_PID, "rmiRegistryHost"),
            read(configs, "JMX (RMI server)", JMX_PID, "rmiServerHost")
        };
    }

    /** @return whether it listens on loopback addresses only */
    boolean loopbackOnly() {
        return Loopback.only(value);
    }

    /** @return e.g. {@code SSH (the Karaf shell) on 0.0.0.0 (org.apache.karaf.shell sshHost)} */
    String describe() {
        return console + " on " + (value == null || value.isBlank() ? "every interface (unset)" : value)
                + " (" + pid + " " + key + ")";
    }

    private static ConsoleBind read(Map<String, Map<String, Object>> configs, String console, String pid, String key) {
        Object value = configs.getOrDefault(pid, Map.of()).get(key);
        return new ConsoleBind(console, pid, key, value == null ? null : value.toString().strip());
    }
}
