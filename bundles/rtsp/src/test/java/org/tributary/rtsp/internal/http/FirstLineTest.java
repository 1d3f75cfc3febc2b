package org.tributary.rtsp.internal.http;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.Test;

/** What each kind of first line is taken for, and that nothing is consumed deciding it. */
public class FirstLineTest {

    private static FirstLine.Kind kind(String bytes) {
        ByteBuf in = Unpooled.copiedBuffer(bytes, StandardCharsets.ISO_8859_1);
        int before = in.readerIndex();
        FirstLine.Kind kind = FirstLine.classify(in);
        assertEquals("nothing consumed", before, in.readerIndex());
        in.release();
        return kind;
    }

    @Test
    public void eachFirstLine() {
        String[][] table = {
            {"DESCRIBE rtsp://h/a.mp4 RTSP/1.0\r\n", "RTSP"}, {"OPTIONS * RTSP/1.0\n", "RTSP"},
            {"PLAY rtsp://h/a RTSP/2.0\r\n", "RTSP"}, {"GET /radio HTTP/1.1\r\n", "HTTP"},
            {"\r\nGET / HTTP/1.0\r\n", "HTTP"}, {"SOURCE /radio HTTP/1.0\r\n", "HTTP"},
            {"PUT /radio HTTP/1.1\r\n", "HTTP"}, {"OPTIONS * HTTP/1.1\r\n", "HTTP"},
            {"PRI * HTTP/2.0\r\n", "HTTP"}, {"secretpw\n", "ICY"}, {"p\u00e4ss\r\n", "ICY"},
            {"!POKE\nicy-name:libshout server poke request\n\n", "ICY"},
            {"%%% this is not RTSP %%%\r\n", "RTSP"}, {"GET /\r\n", "RTSP"}, {"GET / HTTP/\r\n", "RTSP"},
            {"HTTP/1.1\r\n", "ICY"}, {" HTTP/1.1\r\n", "RTSP"}, {"\u0001\u0002\r\n", "RTSP"},
            {"x".repeat(FirstLine.MAX_LINE), "RTSP"}, {"GET / HTTP/1.1", "UNDECIDED"}, {"\r\n", "UNDECIDED"},
            {"pw", "UNDECIDED"},
        };
        for (String[] row : table) {
            assertEquals(row[0].substring(0, Math.min(30, row[0].length())), FirstLine.Kind.valueOf(row[1]), kind(row[0]));
        }
    }
}
