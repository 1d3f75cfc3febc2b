package org.tributary.rtsp.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

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
     * @param config     the typed configuration SCR handed over
     * @param properties its raw properties, to quote a value that could not be converted
     * @throws Refused naming the first setting that was refused
     */
    static RtspConfiguration of(RtspServerConfig config, Map<String, ?> properties) throws Refused {
        String unconvertible = unconvertible(config, properties);
        if (unconvertible != null) {
            throw new Refused(unconvertible);
        }
        try {
            return new RtspConfiguration(ServerSettings.from(config), TlsSettings.from(config));
        } catch (RuntimeException e) {
            throw new Refused(String.valueOf(e.getMessage()));
        }
    }

    /** @return the configuration of the metatype defaults, for a server whose first configuration was refused */
    static RtspConfiguration defaults() {
        RtspServerConfig config = (RtspServerConfig) Proxy.newProxyInstance(RtspServerConfig.class.getClassLoader(),
                new Class<?>[] {RtspServerConfig.class}, (proxy, method, args) -> method.getDefaultValue());
        return new RtspConfiguration(ServerSettings.from(config), TlsSettings.from(config));
    }

    /** @return "key: 'value' is not a NUMBER/BOOLEAN" for the first value SCR cannot convert, or null */
    private static String unconvertible(RtspServerConfig config, Map<String, ?> properties) {
        for (Method method : RtspServerConfig.class.getDeclaredMethods()) {
            try {
                method.invoke(config);
            } catch (InvocationTargetException | IllegalAccessException | RuntimeException e) {
                String key = method.getName();
                return key + ": '" + properties.get(key) + "' is not " + typeName(method.getReturnType());
            }
        }
        return null;
    }

    private static String typeName(Class<?> type) {
        if (type == boolean.class) {
            return "true or false";
        }
        return type == int.class || type == long.class ? "a whole number" : "a valid " + type.getSimpleName();
    }
}
