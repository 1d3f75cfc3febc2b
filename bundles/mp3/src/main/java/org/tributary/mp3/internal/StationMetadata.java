package org.tributary.mp3.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tributary.api.http.HttpExchange;

/**
 * What a source says about its station ({@code ice-*} headers of Icecast sources, {@code icy-*} of Shoutcast
 * ones), cleaned: printable ASCII only, each value cut to {@link #MAX_VALUE} characters.
 *
 * @param name        the station's name
 * @param genre       its genre
 * @param description its description
 * @param url         its web page
 * @param pub         "1" when it may be listed publicly, "0" or empty otherwise
 * @param audioInfo   Icecast's {@code ice-audio-info} ({@code bitrate=128;channels=2...})
 * @param bitrate     the announced bit rate in kbit/s, or empty
 */
record StationMetadata(String name, String genre, String description, String url, String pub, String audioInfo,
                       String bitrate) {

    /** The longest value kept. */
    static final int MAX_VALUE = 200;

    /** @return the metadata a source request announces */
    static StationMetadata of(HttpExchange source) {
        return new StationMetadata(either(source, "name"), either(source, "genre"), either(source, "description"),
                either(source, "url"), either(source, "public", "pub"), clean(source.header("ice-audio-info")),
                clean(source.header("icy-br")).replaceAll("[^0-9].*", ""));
    }

    /**
     * @param frameKbps the bit rate of the stream's frames, used when the source announced none
     * @return the headers of a listener's response that describe the station
     */
    Map<String, String> listenerHeaders(int frameKbps) {
        Map<String, String> headers = new LinkedHashMap<>();
        put(headers, "icy-name", name);
        put(headers, "icy-genre", genre);
        put(headers, "icy-description", description);
        put(headers, "icy-url", url);
        put(headers, "icy-pub", pub.isEmpty() ? "0" : pub);
        put(headers, "icy-br", !bitrate.isEmpty() ? bitrate : frameKbps > 0 ? Integer.toString(frameKbps) : "");
        put(headers, "ice-audio-info", audioInfo);
        return headers;
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (!value.isEmpty()) {
            headers.put(name, value);
        }
    }

    private static String either(HttpExchange source, String field) {
        return either(source, field, field);
    }

    private static String either(HttpExchange source, String iceField, String icyField) {
        String ice = source.header("ice-" + iceField);
        return clean(ice != null ? ice : source.header("icy-" + icyField));
    }

    /** @return the value with every character outside printable ASCII replaced by '?', cut to the longest kept */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString().trim();
    }
}
