package org.tributary.source.file.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.tributary.api.MediaException;
import org.tributary.api.MediaItem;
import org.tributary.rtp.PayloadFormats;
import org.tributary.rtp.RtpTrack;
import org.tributary.security.ConfinedFolder;
import org.tributary.security.PathRefusedException;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.MovieIndex;

/**
 * What the media folder holds, for management: its movies and MP3 files with their duration, codecs and
 * bit rate, or why one cannot be played. Each file is parsed once per version (path, size and
 * modification time); a listing forgets the files that are gone. The walk is bounded in depth
 * ({@link ConfinedFolder#MAX_SEGMENTS}) and in files ({@link #MAX_FILES}); hidden names and uploads
 * being written are left out, and a symbolic link is listed only when it leads to a file inside.
 * Thread-safe.
 */
final class MediaCatalog {

    /** Most files a listing returns. */
    static final int MAX_FILES = 10_000;

    private record Version(long size, FileTime modified) {
    }

    private record Known(Version version, MediaItem item) {
    }

    private final ChannelOpener opener;
    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    /** @param opener opens files for parsing */
    MediaCatalog(ChannelOpener opener) {
        this.opener = opener;
    }

    /**
     * @param folder the folder to list
     * @return its media files sorted by path; empty when the folder cannot be read
     */
    List<MediaItem> list(MediaFolder folder) {
        Path realRoot;
        try {
            realRoot = folder.root().toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        List<MediaItem> items = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        try {
            Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), ConfinedFolder.MAX_SEGMENTS,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return dir.equals(realRoot) || !MediaFolder.isHidden(dir.getFileName().toString())
                                    ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            String path = relative(realRoot, file);
                            if (MediaFolder.isHidden(file.getFileName().toString()) || !MediaFolder.isMedia(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            Path real = confined(folder, path, file, attributes);
                            if (real != null) {
                                seen.add(real);
                                items.add(describe(real, path));
                            }
                            return items.size() < MAX_FILES ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            return List.of();
        }
        known.keySet().retainAll(seen);
        items.sort(Comparator.comparing(MediaItem::path));
        return items;
    }

    /** @return the real path of a regular file, or of what a link leads to inside the folder; null otherwise */
    private static Path confined(MediaFolder folder, String path, Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return file;
        }
        if (!attributes.isSymbolicLink()) {
            return null;
        }
        try {
            return folder.confined().resolveFile(path);
        } catch (PathRefusedException e) {
            return null;
        }
    }

    /**
     * @param real the real path of a media file inside the folder
     * @param path its path below the folder, with '/' separators
     * @return what it is, parsed now unless this version of it was parsed before
     */
    MediaItem describe(Path real, String path) {
        Version version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            version = new Version(attributes.size(), attributes.lastModifiedTime());
        } catch (IOException e) {
            return new MediaItem(path, 0, FileTime.fromMillis(0).toInstant(), 0, List.of(), 0,
                    "cannot be read: " + e.getClass().getSimpleName());
        }
        Known before = known.get(real);
        if (before != null && before.version().equals(version) && before.item().path().equals(path)) {
            return before.item();
        }
        MediaItem item = parse(real, path, version);
        known.put(real, new Known(version, item));
        return item;
    }

    private MediaItem parse(Path real, String path, Version version) {
        try {
            MovieIndex index = MovieProbe.index(opener, real, path, MediaFolder.isMp3(real));
            return item(path, version, index);
        } catch (MediaException | IllegalArgumentException e) {
            return new MediaItem(path, version.size(), version.modified().toInstant(), 0, List.of(), 0,
                    oneLine(e.getMessage()));
        }
    }

    /**
     * @return the item of a parsed file
     * @throws IllegalArgumentException when a track has no RTP payload format, so the file cannot be streamed
     */
    static MediaItem item(String path, long size, FileTime modified, MovieIndex index) {
        return item(path, new Version(size, modified), index);
    }

    private static MediaItem item(String path, Version version, MovieIndex index) {
        List<RtpTrack> tracks = PayloadFormats.forTracks(index.trackInfos());
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException(MediaFolder.printable(path) + " has no track to play");
        }
        List<String> codecs = tracks.stream().map(t -> t.format().encodingName()).distinct()
                .collect(Collectors.toList());
        double duration = index.duration();
        long bitRate = duration > 0 ? Math.round(version.size() * 8 / duration) : 0;
        return new MediaItem(path, version.size(), version.modified().toInstant(), duration, codecs, bitRate, "");
    }

    static String relative(Path root, Path file) {
        return StreamSupport.stream(root.relativize(file).spliterator(), false).map(Path::toString)
                .collect(Collectors.joining("/"));
    }

    static String oneLine(String message) {
        String text = message == null ? "cannot be played" : message.replaceAll("\\s+", " ").strip();
        return ConfinedFolder.printable(text);
    }
}
