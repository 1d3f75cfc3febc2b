package org.tributary.security;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that keeps the formatted INFO and WARN lines written to it, for tests. */
final class RecordingLogger {

    final List<String> lines = new ArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if ((name.equals("info") || name.equals("warn")) && args != null && args[0] instanceof String format) {
                    Object[] rest = args.length == 2 && args[1] instanceof Object[] array ? array
                            : java.util.Arrays.copyOfRange(args, 1, args.length);
                    lines.add(name.toUpperCase() + " " + MessageFormatter.arrayFormat(format, rest).getMessage());
                }
                return name.equals("getName") ? "test" : null;
            });
}
