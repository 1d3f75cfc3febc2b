package org.tributary.source.live.internal.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;
import org.tributary.source.live.internal.BroadcastPaths;

/**
 * The media folder's {@code .sdp} files, and the confinement of untrusted request paths to it: a
 * path is first held to the broadcast path rules (no {@code ..}, no leading '/', no empty or '.'
 * segment, no backslash or control character, only {@code [A-Za-z0-9._/-]}), then resolves, through
 * {@link ConfinedFolder}, only to a readable regular file whose real location (symbolic links
 * followed) is inside the folder's real location. The folder is read live, at each request.
 */
final class SdpFolder {

    /** The file name ending this source serves. */
    static final String SUFFIX = ".sdp";

    private final ConfinedFolder folder;

    /** @param root the folder; made absolute */
    SdpFolder(Path root) {
        this.folder = new ConfinedFolder(root);
    }

    Path root() {
        return folder.root();
    }

    /**
     * @param requestPath the path below the mount, from the network; untrusted
     * @return the real path of the SDP file
     * @throws MediaException NOT_FOUND when the path is malformed, leaves the folder or names no readable
     *                        regular {@code .sdp} file
     */
    Path resolve(String requestPath) throws MediaException {
        try {
            BroadcastPaths.check(requestPath);
        } catch (MediaException e) {
            throw new MediaException(Reason.NOT_FOUND, "no SDP file there: " + e.getMessage(), e);
        }
        if (!requestPath.toLowerCase(Locale.ROOT).endsWith(SUFFIX)) {
            throw notFound(requestPath);
        }
        Path real;
        try {
            real = folder.resolveFile(requestPath);
        } catch (PathRefusedException e) {
            throw notFound(requestPath);
        }
        return real;
    }

    /**
     * Reads a resolved file, never more than {@code maxBytes + 1} bytes of it.
     *
     * @param file        the real path from {@link #resolve}
     * @param requestPath the name it was asked by, for messages
     * @param maxBytes    largest accepted size
     * @return the text, decoded as UTF-8 (invalid bytes become U+FFFD, which the parser refuses)
     * @throws MediaException INVALID when the file is larger, CORRUPT when it cannot be read
     */
    static String read(Path file, String requestPath, int maxBytes) throws MediaException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // the file may grow between a size check and the read, so the read itself is bounded
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new MediaException(Reason.CORRUPT, "SDP file " + requestPath + " cannot be read: " + e, e);
        }
        if (bytes.length > maxBytes) {
            throw new MediaException(Reason.INVALID, "SDP file " + requestPath + " is larger than " + maxBytes
                    + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static MediaException notFound(String requestPath) {
        return new MediaException(Reason.NOT_FOUND, "no SDP file at '" + requestPath + "'");
    }
}
