package org.tributary.webconsole.internal.model;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.tributary.api.MediaException;
import org.tributary.api.MediaItem;
import org.tributary.api.MediaLibrary;
import org.tributary.webconsole.internal.api.ApiResponse;
import org.tributary.webconsole.internal.json.JsonWriter;

/** Upload and delete of media files, with the library's size limit and its reasons mapped to statuses. */
final class MediaActions {

    private final Services services;

    MediaActions(Services services) {
        this.services = services;
    }

    ApiResponse upload(String name, InputStream body) {
        Optional<MediaLibrary> library = services.media();
        if (library.isEmpty()) {
            return unavailable();
        }
        if (name.isEmpty()) {
            return ApiResponse.message(400, "Name the file: PUT media/NAME");
        }
        long max = library.get().maxUploadBytes();
        CountingStream counted = new CountingStream(body == null ? InputStream.nullInputStream() : body);
        try {
            MediaItem item = library.get().store(name, counted);
            return new ApiResponse(201, JsonWriter.json(w -> w.object()
                    .field("message", "Stored " + item.path()).field("path", item.path())
                    .field("size", item.size()).field("problem", item.problem()).end()));
        } catch (MediaException e) {
            if (counted.count > max) {
                return tooLarge(max);
            }
            return ApiResponse.message(status(e.reason()), e.getMessage());
        }
    }

    ApiResponse delete(String name) {
        Optional<MediaLibrary> library = services.media();
        if (library.isEmpty()) {
            return unavailable();
        }
        try {
            library.get().delete(name);
            return ApiResponse.message(200, "Deleted " + name);
        } catch (MediaException e) {
            return ApiResponse.message(status(e.reason()), e.getMessage());
        }
    }

    /**
     * @param max the library's limit
     * @return 413 naming the limit
     */
    static ApiResponse tooLarge(long max) {
        return ApiResponse.message(413, "The file is larger than the upload limit of " + max + " bytes");
    }

    private static ApiResponse unavailable() {
        return ApiResponse.message(503, "Media is not available: the file source is not running");
    }

    private static int status(MediaException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case UNSUPPORTED -> 415;
            case BUSY -> 409;
            case INVALID, OUT_OF_RANGE -> 400;
            case CORRUPT -> 422;
        };
    }

    /** Counts what the library read, to tell "too large" from other invalid uploads. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
