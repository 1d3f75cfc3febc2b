/**
 * RTP for Tributary: per-codec packetizers that turn a {@link org.tributary.api.MediaSample} into
 * RTP payloads without copying the sample body, the sending side of an RTP stream ({@link RtpSender}
 * writing into a {@link PacketOut}), the RTP header written and parsed ({@link RtpPacket}), RTCP
 * sender reports written and received reports parsed, the key-frame check of received H.264 and H.265
 * packets ({@link RandomAccess}), SDP for a presentation, the UDP port pool, and the locks that keep a
 * receiving port to its sender (address, port, SSRC).
 * <p>
 * Packets are {@link java.nio.ByteBuffer}s. The only Netty type in the API is {@code ByteBuf}, in
 * adapters for protocol bundles that build their packets in Netty buffers: {@link RtpHeader#write(
 * io.netty.buffer.ByteBuf, boolean, int, int, long, int)}, {@link RtpHeader#parse(io.netty.buffer.ByteBuf)},
 * {@link RtpHeader#payload}, the {@code ByteBuf} writers and parser of {@link Rtcp}, and {@link SsrcLock}.
 * Protocol bundles own channels and sockets.
 */
@Export
@Version("1.2.0")
package org.tributary.rtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
