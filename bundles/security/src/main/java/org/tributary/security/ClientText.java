package org.tributary.security;

/**
 * Header values a client chose (a User-Agent), cleaned before a session keeps them for the shell, the
 * console and the access log: control characters (CR, LF, tabs, NUL...) removed, so a value never spans
 * two lines of any log or table, and the length capped. The rest stays as sent: it is still untrusted,
 * and every page escapes it.
 */
public final class ClientText {

    /** The longest value kept, as QTSS kept a User-Agent. */
    public static final int MAX = 256;

    private ClientText() {
    }

    /** @return {@code value} without control characters, at most {@link #MAX} characters; empty for null */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
