package org.tributary.source.file.internal.mp4;

/**
 * The parts of an MPEG-4 elementary stream descriptor ({@code esds}, ISO/IEC 14496-1) a player
 * needs: which codec, and its decoder-specific configuration.
 *
 * @param objectType          objectTypeIndication, such as 0x40 for MPEG-4 audio (AAC)
 * @param decoderSpecificInfo the DecoderSpecificInfo bytes, empty when absent
 */
record EsDescriptor(int objectType, byte[] decoderSpecificInfo) {

    private static final int ES_DESCRIPTOR = 0x03;
    private static final int DECODER_CONFIG = 0x04;
    private static final int DECODER_SPECIFIC_INFO = 0x05;

    /**
     * Parses an {@code esds} box payload (a full box holding an ES_Descriptor).
     *
     * @throws Mp4FormatException when a descriptor overruns its parent or the DecoderConfigDescriptor is missing
     */
    static EsDescriptor parse(Box esds) throws Mp4FormatException {
        BoxReader in = esds.reader();
        in.fullBoxVersion();
        int tag = in.u8();
        int length = length(in);
        if (tag == ES_DESCRIPTOR) {
            int end = in.position() + length;
            in.skip(2);
            int flags = in.u8();
            if ((flags & 0x80) != 0) {
                in.skip(2);
            }
            if ((flags & 0x40) != 0) {
                in.skip(in.u8());
            }
            if ((flags & 0x20) != 0) {
                in.skip(2);
            }
            return findDecoderConfig(in, end);
        }
        if (tag == DECODER_CONFIG) {
            return decoderConfig(in, in.position() + length);
        }
        throw new Mp4FormatException("'esds' starts with descriptor tag " + tag + " instead of an ES_Descriptor");
    }

    private static EsDescriptor findDecoderConfig(BoxReader in, int end) throws Mp4FormatException {
        while (in.position() < end) {
            int tag = in.u8();
            int length = length(in);
            int next = in.position() + length;
            if (next > end) {
                throw new Mp4FormatException("'esds' descriptor " + tag + " overruns its ES_Descriptor");
            }
            if (tag == DECODER_CONFIG) {
                return decoderConfig(in, next);
            }
            in.seek(next);
        }
        throw new Mp4FormatException("'esds' has no DecoderConfigDescriptor");
    }

    private static EsDescriptor decoderConfig(BoxReader in, int end) throws Mp4FormatException {
        if (end - in.position() < 13) {
            throw new Mp4FormatException("'esds' DecoderConfigDescriptor is shorter than 13 bytes");
        }
        int objectType = in.u8();
        in.skip(12);
        while (in.position() < end) {
            int tag = in.u8();
            int length = length(in);
            if (in.position() + length > end) {
                throw new Mp4FormatException("'esds' descriptor " + tag + " overruns its DecoderConfigDescriptor");
            }
            if (tag == DECODER_SPECIFIC_INFO) {
                return new EsDescriptor(objectType, in.bytes(length));
            }
            in.skip(length);
        }
        return new EsDescriptor(objectType, new byte[0]);
    }

    /** Reads an expandable size: up to four bytes of 7 bits, high bit set on all but the last. */
    private static int length(BoxReader in) throws Mp4FormatException {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.u8();
            length = (length << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                in.require(length, "a descriptor");
                return length;
            }
        }
        throw new Mp4FormatException("'esds' has a descriptor size longer than 4 bytes");
    }
}
