package org.tributary.rtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import org.junit.Test;
import org.tributary.api.Codec;
import org.tributary.api.MediaKind;
import org.tributary.api.TrackInfo;

public class PayloadFormatsTest {

    /** The SPS and PPS in sample.mp4's avcC, as ffprobe -show_data prints its extradata. */
    static final byte[] REAL_SPS = HexFormat.of().parseHex("674d401eeca05017fcb808800000030080000019078b16cb");
    static final byte[] REAL_PPS = HexFormat.of().parseHex("68efbc80");

    static TrackInfo videoTrack(byte[] avcC) {
        return new TrackInfo(1, MediaKind.VIDEO, Codec.H264, 12_800, 0, 0, 640, 360, 399_557, avcC);
    }

    static TrackInfo audioTrack(byte[] config) {
        return new TrackInfo(2, MediaKind.AUDIO, Codec.AAC, 48_000, 48_000, 2, 0, 0, 64_035, config);
    }

    @Test
    public void realAvcCGivesH264FormatWithProfileAndParameterSets() throws Exception {
        byte[] avcC = Mp4SampleFile.open().avcC();

        PayloadFormat format = PayloadFormats.forTrack(videoTrack(avcC), 96);

        // ffprobe: Main profile (77 = 0x4D), constraint_set1 (0x40), level 3.0 (30 = 0x1E)
        assertEquals("packetization-mode=1;profile-level-id=4D401E;"
                + "sprop-parameter-sets=Z01AHuygUBf8uAiAAAADAIAAABkHixbL,aO+8gA==", format.fmtp());
        assertEquals("H264/90000", format.rtpmap());
        assertEquals(96, format.payloadType());
        assertEquals(90_000, format.clockRate());
        assertTrue(format.packetizer() instanceof H264Packetizer);
        assertEquals(1400, format.packetizer().maxPayloadSize());
    }

    @Test
    public void realAudioSpecificConfigGivesMpeg4GenericFormat() throws Exception {
        byte[] config = Mp4SampleFile.open().audioSpecificConfig();
        // AAC LC (2), 48 kHz (index 3), stereo: 0x1190; then the backward-compatible SBR signalling
        // (sync extension 0x2B7, sbrPresentFlag 0) that this encoder appends
        assertArrayEquals(HexFormat.of().parseHex("119056e500"), config);

        PayloadFormat format = PayloadFormats.forTrack(audioTrack(config), 97);

        assertEquals("streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;"
                + "config=119056E500", format.fmtp());
        assertEquals("MPEG4-GENERIC/48000/2", format.rtpmap());
        assertEquals(48_000, format.clockRate());
        assertTrue(format.packetizer() instanceof AacPacketizer);
    }

    @Test
    public void twoByteAudioSpecificConfigIsWrittenAsIs() {
        PayloadFormat format = PayloadFormats.forTrack(audioTrack(new byte[] {0x11, (byte) 0x90}), 97);

        assertTrue(format.fmtp(), format.fmtp().endsWith(";config=1190"));
    }

    @Test
    public void tracksGetDynamicPayloadTypesInOrder() throws Exception {
        Mp4SampleFile file = Mp4SampleFile.open();

        List<RtpTrack> tracks = PayloadFormats.forTracks(
                List.of(videoTrack(file.avcC()), audioTrack(file.audioSpecificConfig())));

        assertEquals(96, tracks.get(0).format().payloadType());
        assertEquals(97, tracks.get(1).format().payloadType());
        assertEquals("trackID=2", tracks.get(1).control());
        // one second of video: 12,800 track units are 90,000 RTP units
        assertEquals(90_000, tracks.get(0).toRtpTime(12_800));
    }

    /** A hvcC as ISO/IEC 14496-15 8.3.3 lays it out: Main profile, Main tier, level 3.1, then an SEI array to skip. */
    static byte[] hvcC() {
        return RecordingSink.concat(RecordingSink.bytes(0x01, 0x01, 0x60, 0, 0, 0, 0x90, 0, 0, 0, 0, 0, 0x5D,
                0xF0, 0x00, 0xFC, 0xFD, 0xF8, 0xF8, 0, 0, 0x0F, 4),
                RecordingSink.bytes(0xA0, 0, 1, 0, 4), H265PacketizerTest.VPS,
                RecordingSink.bytes(0xA1, 0, 1, 0, 5), H265PacketizerTest.SPS,
                RecordingSink.bytes(0xA2, 0, 1, 0, 4), H265PacketizerTest.PPS,
                RecordingSink.bytes(0x27, 0, 1, 0, 3, 0x4E, 0x01, 0x05));
    }

    static TrackInfo h265Track(byte[] hvcC) {
        return new TrackInfo(1, MediaKind.VIDEO, Codec.H265, 12_800, 0, 0, 320, 240, 0, hvcC);
    }

    static TrackInfo audio(Codec codec, int channels) {
        return new TrackInfo(2, MediaKind.AUDIO, codec, 48_000, 48_000, channels, 0, 0, 0, new byte[0]);
    }

    @Test
    public void hvcCGivesH265FormatWithProfileTierLevelAndParameterSets() {
        PayloadFormat format = PayloadFormats.forTrack(h265Track(hvcC()), 96);

        assertEquals("H265/90000", format.rtpmap());
        assertEquals("profile-id=1;tier-flag=0;level-id=93;sprop-vps=QAEMAQ==;sprop-sps=QgEBAWA=;sprop-pps=RAHBcg==",
                format.fmtp());
        assertTrue(format.packetizer() instanceof H265Packetizer);
        assertEquals(96, format.payloadType());
    }

    @Test
    public void hvcCWithHighTierAndProfileSpaceSaysSo() {
        byte[] record = hvcC();
        record[1] = (byte) 0x62; // profile space 1, High tier, profile 2 (Main 10)
        record[12] = (byte) 120;

        assertTrue(PayloadFormats.forTrack(h265Track(record), 96).fmtp()
                .startsWith("profile-space=1;profile-id=2;tier-flag=1;level-id=120;"));
    }

    @Test
    public void mp3TakesTheStaticMpaPayloadTypeOnA90kHzClock() {
        PayloadFormat format = PayloadFormats.forTrack(audio(Codec.MP3, 2), 97);

        assertEquals(14, format.payloadType());
        assertEquals("MPA/90000", format.rtpmap());
        assertNull(format.fmtp());
        assertTrue(format.packetizer() instanceof MpaPacketizer);
    }

    @Test
    public void opusIsAlwaysAnnouncedWithTwoChannelsAt48kHz() {
        PayloadFormat stereo = PayloadFormats.forTrack(audio(Codec.OPUS, 2), 97);
        PayloadFormat mono = PayloadFormats.forTrack(audio(Codec.OPUS, 1), 97);

        assertEquals("opus/48000/2", stereo.rtpmap());
        assertEquals("sprop-stereo=1", stereo.fmtp());
        assertEquals("opus/48000/2", mono.rtpmap());
        assertEquals("sprop-stereo=0", mono.fmtp());
        assertTrue(mono.packetizer() instanceof OpusPacketizer);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PayloadFormats.forTrack(audio(Codec.OPUS, 6), 97));
        assertTrue(e.getMessage(), e.getMessage().contains("6 channels need multistream Opus"));
    }

    @Test
    public void h263AndAmrNbFollowRfc4629AndRfc4867() {
        byte[] d263 = {'F', 'F', 'M', 'P', 0, 10, 0}; // vendor, decoder version, level 10, profile 0
        TrackInfo video = new TrackInfo(1, MediaKind.VIDEO, Codec.H263, 10_240, 0, 0, 176, 144, 0, d263);

        PayloadFormat h263 = PayloadFormats.forTrack(video, 96);
        PayloadFormat amr = PayloadFormats.forTrack(audio(Codec.AMR_NB, 1), 97);

        assertEquals("H263-1998/90000", h263.rtpmap());
        assertEquals("profile=0;level=10", h263.fmtp());
        assertTrue(h263.packetizer() instanceof H263Packetizer);
        assertEquals("AMR/8000/1", amr.rtpmap());
        assertEquals("octet-align=1", amr.fmtp());
        assertTrue(amr.packetizer() instanceof AmrPacketizer);
    }

    @Test
    public void malformedConfigurationsAreRefused() {
        IllegalArgumentException avc = assertThrows(IllegalArgumentException.class,
                () -> PayloadFormats.forTrack(videoTrack(new byte[] {1, 0x4D}), 96));
        assertTrue(avc.getMessage(), avc.getMessage().startsWith("malformed avcC"));

        IllegalArgumentException aac = assertThrows(IllegalArgumentException.class,
                () -> PayloadFormats.forTrack(audioTrack(new byte[] {0x11}), 97));
        assertTrue(aac.getMessage(), aac.getMessage().contains("AudioSpecificConfig of 1 bytes"));

        IllegalArgumentException hevc = assertThrows(IllegalArgumentException.class,
                () -> PayloadFormats.forTrack(h265Track(new byte[] {1, 1}), 96));
        assertTrue(hevc.getMessage(), hevc.getMessage().startsWith("malformed hvcC"));
    }

    @Test
    public void rtpmapLeavesOutZeroChannels() {
        PayloadFormat format = new PayloadFormat(96, "H264", 90_000, 0, null, new AacPacketizer(1400));

        assertEquals("H264/90000", format.rtpmap());
        assertNull(format.fmtp());
        assertThrows(IllegalArgumentException.class,
                () -> new PayloadFormat(128, "H264", 90_000, 0, null, new AacPacketizer(1400)));
    }

    @Test
    public void moreTracksThanDynamicPayloadTypesAreRefused() {
        TrackInfo audio = audioTrack(new byte[] {0x11, (byte) 0x90});
        List<TrackInfo> tracks = Collections.nCopies(33, audio);

        assertThrows(IllegalArgumentException.class, () -> PayloadFormats.forTracks(tracks));
    }
}
