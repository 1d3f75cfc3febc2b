package org.tributary.source.file.internal.mp4;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.tributary.api.MediaException;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;

/** Helpers shared by the demuxer tests: test media, indexing, reading and digests. */
public final class TestMovies {

    private TestMovies() {
    }

    /** @return the path of a file in src/test/resources */
    public static Path resource(String name) {
        try {
            return Paths.get(TestMovies.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a presentation of the file, as the file source builds it */
    static Mp4Presentation open(Path file) throws MediaException {
        return new Mp4Presentation(file.getFileName().toString(), index(file), ChannelOpener.READ_ONLY);
    }

    static MovieIndex index(Path file) throws MediaException {
        try (FileChannel channel = FileChannel.open(file)) {
            return MovieIndexParser.parse(file, channel, file.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return every remaining sample of the reader, each with a copy of its bytes (the reader's
     *         own buffer is reused by its next read)
     */
    public static List<MediaSample> readAll(MediaReader reader) throws MediaException {
        List<MediaSample> samples = new ArrayList<>();
        for (MediaSample sample = reader.next(); sample != null; sample = reader.next()) {
            samples.add(kept(sample));
        }
        return samples;
    }

    /** @return the sample with a copy of its bytes, valid after the reader moved on */
    public static MediaSample kept(MediaSample sample) {
        ByteBuffer copy = ByteBuffer.allocate(sample.data().remaining()).put(sample.data().duplicate()).flip();
        return new MediaSample(sample.trackId(), sample.decodeTime(), sample.compositionOffset(), sample.duration(),
                sample.keyFrame(), copy);
    }

    static List<MediaSample> readAll(Path file) throws MediaException {
        try (MediaReader reader = open(file).openReader()) {
            return readAll(reader);
        }
    }

    static List<MediaSample> ofTrack(List<MediaSample> samples, int trackId) {
        return samples.stream().filter(s -> s.trackId() == trackId).toList();
    }

    /** @return the MD5 of the bytes from the position to the limit, in hex, as ffmpeg's framemd5 prints it */
    public static String md5(ByteBuffer data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(data.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(byte[] data) {
        return md5(ByteBuffer.wrap(data));
    }

    static byte[] bytes(ByteBuffer data) {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }

    /** Asserts that opening the file fails with that reason and a message naming the file. */
    static MediaException assertFails(Path file, MediaException.Reason reason) {
        try {
            readAll(file);
        } catch (MediaException e) {
            assertEquals(e.getMessage(), reason, e.reason());
            if (!e.getMessage().contains(file.getFileName().toString())) {
                fail("message does not name " + file.getFileName() + ": " + e.getMessage());
            }
            return e;
        }
        throw new AssertionError(file.getFileName() + " was accepted");
    }

    static Path write(Path file, byte[] content) throws IOException {
        return Files.write(file, content);
    }

    /** @return the offset of the first top-level box of that type in a movie held in memory */
    static int topLevelBox(byte[] movie, String type) {
        ByteBuffer in = ByteBuffer.wrap(movie);
        for (int at = 0; at + 8 <= movie.length; at += in.getInt(at)) {
            if (Box.fourCc(in.getInt(at + 4)).equals(type)) {
                return at;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    /** @return the offset of the first box of that type anywhere, found by its type bytes */
    static int anyBox(byte[] movie, String type) {
        byte[] code = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int at = 4; at + 4 <= movie.length; at++) {
            if (movie[at] == code[0] && movie[at + 1] == code[1] && movie[at + 2] == code[2]
                    && movie[at + 3] == code[3]) {
                return at - 4;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }
}
