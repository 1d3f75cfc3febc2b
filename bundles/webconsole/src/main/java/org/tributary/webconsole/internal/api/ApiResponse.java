package org.tributary.webconsole.internal.api;

import org.tributary.webconsole.internal.json.JsonWriter;

/**
 * What the router answers.
 *
 * @param status the HTTP status
 * @param json   the body, a JSON value
 */
public record ApiResponse(int status, String json) {

    /** @param json a JSON body @return 200 with it */
    public static ApiResponse ok(String json) {
        return new ApiResponse(200, json);
    }

    /** @param status an HTTP status @param message why, for people @return the status with {@code {"message": ...}} */
    public static ApiResponse message(int status, String message) {
        return new ApiResponse(status, JsonWriter.message(message));
    }
}
