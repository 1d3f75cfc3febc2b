package org.tributary.source.file.internal.mp3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.api.Codec;
import org.tributary.api.MediaException;
import org.tributary.api.MediaException.Reason;
import org.tributary.api.MediaReader;
import org.tributary.api.MediaSample;
import org.tributary.api.TrackInfo;
import org.tributary.source.file.internal.mp4.ChannelOpener;
import org.tributary.source.file.internal.mp4.Mp4Presentation;
import org.tributary.source.file.internal.mp4.TestMovies;

/**
 * MP3 files made with ffmpeg/LAME against what ffprobe says of them: tiny.mp3 is 1 s of a sine,
 * MPEG-1 44.1 kHz mono 64 kbps, behind a 61-byte ID3v2.4 tag and a LAME Info frame; 40 audio frames
 * ({@code ffprobe -count_packets}), whose first two MD5s ({@code ffmpeg -f framemd5}) are below.
 * tiny-mpeg2.mp3 is MPEG-2 22.05 kHz stereo 32 kbps without tag or Info frame: 41 frames.
 */
public class Mp3IndexParserTest {

    private static final String FIRST_FRAME_MD5 = "bd815af0bc3675df2628876de8c2c43b";
    private static final String SECOND_FRAME_MD5 = "85f777517aae5c74478e19b541fdcfbe";
    private static final int ID3V2_TAG_SIZE = 61;

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private static Mp4Presentation open(Path file) throws MediaException {
        try (FileChannel channel = FileChannel.open(file)) {
            return new Mp4Presentation(file.getFileName().toString(),
                    Mp3IndexParser.parse(file, channel, file.getFileName().toString()), ChannelOpener.READ_ONLY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MediaSample> readAll(Path file) throws MediaException {
        try (MediaReader reader = open(file).openReader()) {
            return TestMovies.readAll(reader);
        }
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return Files.write(temp.getRoot().toPath().resolve(name), out.toByteArray());
    }

    private static byte[] tiny() throws IOException {
        return Files.readAllBytes(TestMovies.resource("tiny.mp3"));
    }

    /** @return the file offset of the frame {@code index} of tiny.mp3 (0 is the first audio frame) */
    private static int frameOffset(byte[] file, int index) throws MediaException {
        ByteBuffer frame = readAll(TestMovies.resource("tiny.mp3")).get(index).data();
        byte[] bytes = new byte[frame.remaining()];
        frame.duplicate().get(bytes);
        for (int at = 0; at + bytes.length <= file.length; at++) {
            if (Arrays.equals(file, at, at + bytes.length, bytes, 0, bytes.length)) {
                return at;
            }
        }
        throw new AssertionError("frame " + index + " not found");
    }

    private static MediaException assertCorrupt(Path file, String cause) {
        try {
            readAll(file);
        } catch (MediaException e) {
            assertEquals(e.getMessage(), Reason.CORRUPT, e.reason());
            assertTrue(e.getMessage(), e.getMessage().startsWith(file.getFileName() + ": "));
            assertTrue(e.getMessage(), e.getMessage().contains(cause));
            return e;
        }
        throw new AssertionError(file.getFileName() + " was accepted");
    }

    @Test
    public void indexesEveryAudioFrameAfterTheTagAndInfoFrame() throws Exception {
        Mp4Presentation presentation = open(TestMovies.resource("tiny.mp3"));
        TrackInfo track = presentation.tracks().get(0);
        List<MediaSample> samples = readAll(TestMovies.resource("tiny.mp3"));

        assertEquals(1, presentation.tracks().size());
        assertEquals(Codec.MP3, track.codec());
        assertEquals(44_100, track.timescale());
        assertEquals(44_100, track.sampleRate());
        assertEquals(1, track.channels());
        assertEquals(0, track.codecConfig().length);
        assertEquals(40, samples.size());
        assertEquals(40 * 1152 / 44_100.0, presentation.duration(), 1e-9);
        assertEquals(FIRST_FRAME_MD5, TestMovies.md5(samples.get(0).data()));
        assertEquals(SECOND_FRAME_MD5, TestMovies.md5(samples.get(1).data()));
        assertEquals(39 * 1152, samples.get(39).decodeTime());
        assertEquals(1152, samples.get(39).duration());
        assertTrue(samples.stream().allMatch(MediaSample::keyFrame));
        assertEquals(frameOffset(tiny(), 0), ID3V2_TAG_SIZE + 208);
    }

    @Test
    public void mpeg2FramesLast576Samples() throws Exception {
        Mp4Presentation presentation = open(TestMovies.resource("tiny-mpeg2.mp3"));
        List<MediaSample> samples = readAll(TestMovies.resource("tiny-mpeg2.mp3"));

        assertEquals(22_050, presentation.tracks().get(0).sampleRate());
        assertEquals(2, presentation.tracks().get(0).channels());
        assertEquals(41, samples.size());
        assertEquals("b6cc24ea565f08a8eb746db0d94bccb7", TestMovies.md5(samples.get(0).data()));
        assertEquals(576, samples.get(1).decodeTime());
        assertEquals(1.071, presentation.duration(), 1e-3);
    }

    @Test
    public void seeksToTheFrameThatPlaysAtTheTime() throws Exception {
        try (MediaReader reader = open(TestMovies.resource("tiny.mp3")).openReader()) {
            // 0.5 s is 22050 samples, inside frame 19 (21888..23040)
            assertEquals(21_888 / 44_100.0, reader.seek(0.5), 1e-12);
            MediaSample next = reader.next();
            assertEquals(21_888, next.decodeTime());
            assertEquals(0.0, reader.seek(0), 0);
            assertEquals(FIRST_FRAME_MD5, TestMovies.md5(reader.next().data()));
        }
    }

    @Test
    public void trailingId3v1TagIsNotAFrame() throws Exception {
        byte[] id3v1 = new byte[128];
        System.arraycopy("TAG".getBytes(StandardCharsets.US_ASCII), 0, id3v1, 0, 3);
        Arrays.fill(id3v1, 3, 128, (byte) 0xFF);

        assertEquals(40, readAll(write("v1.mp3", tiny(), id3v1)).size());
    }

    @Test
    public void garbageBetweenFramesIsSkipped() throws Exception {
        byte[] file = tiny();
        int cut = frameOffset(file, 20);

        List<MediaSample> samples = readAll(write("garbage.mp3", Arrays.copyOf(file, cut), new byte[3000],
                Arrays.copyOfRange(file, cut, file.length)));

        assertEquals(40, samples.size());
        assertEquals(TestMovies.md5(readAll(TestMovies.resource("tiny.mp3")).get(20).data()), TestMovies.md5(samples.get(20).data()));
        assertEquals(20 * 1152, samples.get(20).decodeTime());
    }

    @Test
    public void tooMuchGarbageIsCorrupt() throws Exception {
        byte[] file = tiny();
        int cut = frameOffset(file, 20);

        assertCorrupt(write("flood.mp3", Arrays.copyOf(file, cut), new byte[70_000],
                Arrays.copyOfRange(file, cut, file.length)), "no MP3 frame sync in 65536 bytes from offset " + cut);
        assertCorrupt(write("noise.mp3", new byte[70_000]), "no MP3 frame found in 65536 bytes from offset 0");
    }

    @Test
    public void lastFrameCutShortIsLeftOut() throws Exception {
        byte[] file = tiny();

        assertEquals(39, readAll(write("cut.mp3", Arrays.copyOf(file, file.length - 100))).size());
    }

    @Test
    public void truncatedOrForgedTagsAndEmptyFilesAreCorrupt() throws Exception {
        byte[] file = tiny();
        assertCorrupt(write("in-tag.mp3", Arrays.copyOf(file, 30)), "ID3v2 tag of 61 bytes at offset 0 runs past the end");
        assertCorrupt(write("empty.mp3"), "holds no complete MP3 layer III frame");
        assertCorrupt(write("text.mp3", "not an mp3 at all\n".getBytes(StandardCharsets.US_ASCII)),
                "holds no complete MP3 layer III frame");
        byte[] forged = file.clone();
        forged[6] = (byte) 0x80;
        assertCorrupt(write("forged.mp3", forged), "has a size byte 0x80 that is not syncsafe");
        byte[] huge = file.clone();
        huge[6] = 0x7F;
        assertCorrupt(write("huge.mp3", huge), "runs past the end of the audio at " + file.length);
    }
}
