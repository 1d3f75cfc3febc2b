package org.tributary.source.file.internal.mp4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One box of an in-memory movie header: its four-character type and its payload (the bytes after
 * the header). Child boxes are parsed on demand and checked against the payload they live in.
 *
 * @param type    the four-character type, such as {@code "trak"}
 * @param payload the box content after its header; position 0, limit = content length
 */
record Box(String type, ByteBuffer payload) {

    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;

    /** @return a bounds-checked reader over the payload */
    BoxReader reader() {
        return new BoxReader(type, payload);
    }

    /** @return the boxes directly inside this one */
    List<Box> children() throws Mp4FormatException {
        return parse(payload, type);
    }

    /** @return the first child box of that type, or null */
    Box child(String childType) throws Mp4FormatException {
        for (Box box : children()) {
            if (box.type.equals(childType)) {
                return box;
            }
        }
        return null;
    }

    /** @return the first child box of that type; fails when it is missing */
    Box require(String childType) throws Mp4FormatException {
        Box box = child(childType);
        if (box == null) {
            throw new Mp4FormatException("'" + type + "' has no '" + childType + "' box");
        }
        return box;
    }

    /**
     * Splits a run of boxes. A size of 0 extends to the end of the run; a size of 1 is followed by a
     * 64-bit size. Fewer than 8 trailing bytes (QuickTime's 32-bit terminator) are ignored.
     *
     * @param content the bytes holding the boxes, from position to limit
     * @param parent  the enclosing box type, for messages
     */
    static List<Box> parse(ByteBuffer content, String parent) throws Mp4FormatException {
        ByteBuffer in = content.slice().order(ByteOrder.BIG_ENDIAN);
        List<Box> boxes = new ArrayList<>();
        while (in.remaining() >= HEADER) {
            int start = in.position();
            long size = in.getInt() & 0xFFFF_FFFFL;
            String type = fourCc(in.getInt());
            int header = HEADER;
            if (size == 1) {
                if (in.remaining() < 8) {
                    throw new Mp4FormatException("'" + type + "' in '" + parent + "' is cut inside its 64-bit size");
                }
                size = in.getLong();
                header = LARGE_HEADER;
            } else if (size == 0) {
                size = in.limit() - start;
            }
            long available = in.limit() - (long) start;
            if (size < header || size > available) {
                throw new Mp4FormatException("'" + type + "' in '" + parent + "' declares " + size
                        + " bytes but " + available + " remain");
            }
            boxes.add(new Box(type, in.slice(start + header, (int) size - header)));
            in.position(start + (int) size);
        }
        return boxes;
    }

    /**
     * @return the four characters of a box type code, control characters shown as '?' because
     *         the type of a damaged box ends up in messages and logs
     */
    static String fourCc(int code) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            char c = (char) ((code >>> (24 - 8 * i)) & 0xFF);
            chars[i] = Character.isISOControl(c) ? '?' : c;
        }
        return new String(chars);
    }
}
