package org.tributary.rtsp.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked {@link RtspServerConfig}: the plain and the RTSPS settings, or one line naming the key and
 * value that were refused, so a typo in a .cfg file (or a console form) is reported without a stack trace.
 *
 * @param settings the plain RTSP settings
 * @param tls      the RTSPS settings
 */
record RtspConfiguration(ServerSettings settings, TlsSettings tls) {

    /** A configuration that was refused: {@link #getMessage()} is the one line to log and show. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What a server starting on a configuration with refused values runs with.
     *
     * @param configuration each refused setting at its default, every other one as configured
     * @param refusals      one line per refused value, naming its key
     * @param defaulted     the settings put back to their defaults
     */
    record Lenient(RtspConfiguration configuration, List<String> refusals, Set<String> defaulted) {
    }

    /**
     * @param config     the typed configuration SCR handed over
     * @param properties its raw properties, to quote a value that could not be converted
     * @throws Refused naming every value that cannot be converted, or else the first setting out of range
     */
    static RtspConfiguration of(RtspServerConfig config, Map<String, ?> properties) throws Refused {
        Map<String, String> unconvertible = unconvertible(config, properties);
        if (!unconvertible.isEmpty()) {
            throw new Refused(String.join("; ", unconvertible.values()));
        }
        try {
            return new RtspConfiguration(ServerSettings.from(config), TlsSettings.from(config));
        } catch (RuntimeException e) {
            throw new Refused(String.valueOf(e.getMessage()));
        }
    }

    /**
     * The configuration a server starts with when {@link #of} refused its file: only the refused settings
     * take their defaults, so a bad {@code sessionTimeout} does not also move the server to the default
     * ports and addresses. A refusal that names no setting puts every setting at its default.
     */
    static Lenient lenient(RtspServerConfig config, Map<String, ?> properties) {
        Map<String, String> unconvertible = unconvertible(config, properties);
        Set<String> defaulted = new LinkedHashSet<>(unconvertible.keySet());
        List<String> refusals = new ArrayList<>(unconvertible.values());
        while (true) {
            RtspServerConfig overlay = withDefaults(config, defaulted);
            try {
                return new Lenient(new RtspConfiguration(ServerSettings.from(overlay), TlsSettings.from(overlay)),
                        List.copyOf(refusals), Set.copyOf(defaulted));
            } catch (InvalidSetting e) {
                refusals.add(e.getMessage());
                if (!defaulted.addAll(e.keys())) {
                    return new Lenient(defaults(), List.copyOf(refusals), Set.of(allKeys()));
                }
            } catch (RuntimeException e) {
                refusals.add(String.valueOf(e.getMessage()));
                return new Lenient(defaults(), List.copyOf(refusals), Set.of(allKeys()));
            }
        }
    }

    /** @return the configuration of the metatype defaults, for a server whose first configuration was refused */
    static RtspConfiguration defaults() {
        RtspServerConfig config = withDefaults(null, Set.of(allKeys()));
        return new RtspConfiguration(ServerSettings.from(config), TlsSettings.from(config));
    }

    /** @return {@code config}, except that the settings named in {@code keys} answer their metatype defaults */
    private static RtspServerConfig withDefaults(RtspServerConfig config, Set<String> keys) {
        return (RtspServerConfig) Proxy.newProxyInstance(RtspServerConfig.class.getClassLoader(),
                new Class<?>[] {RtspServerConfig.class}, (proxy, method, args) -> {
                    if (config == null || method.getDeclaringClass() == RtspServerConfig.class
                            && keys.contains(method.getName())) {
                        return method.getDefaultValue();
                    }
                    try {
                        return method.invoke(config, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String[] allKeys() {
        return Arrays.stream(RtspServerConfig.class.getDeclaredMethods()).map(Method::getName)
                .toArray(String[]::new);
    }

    /** @return "key: 'value' is not a NUMBER/BOOLEAN" for each value SCR cannot convert, by key */
    private static Map<String, String> unconvertible(RtspServerConfig config, Map<String, ?> properties) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Method method : RtspServerConfig.class.getDeclaredMethods()) {
            try {
                method.invoke(config);
            } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
                String key = method.getName();
                found.put(key, key + ": '" + properties.get(key) + "' is not " + typeName(method.getReturnType()));
            }
        }
        return found;
    }

    private static String typeName(Class<?> type) {
        if (type == boolean.class) {
            return "true or false";
        }
        return type == int.class || type == long.class ? "a whole number" : "a valid " + type.getSimpleName();
    }
}
