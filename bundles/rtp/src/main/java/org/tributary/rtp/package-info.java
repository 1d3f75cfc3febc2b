/**
 * RTP for Tributary: per-codec packetizers that turn a {@link org.tributary.api.MediaSample} into
 * RTP payloads without copying the sample body, the RTP header, RTCP sender reports and receiver
 * report parsing, SDP for a presentation, the UDP port pool, and the locks that keep a receiving
 * port to its sender (address, port, SSRC).
 * <p>
 * The only Netty type used here is {@code ByteBuf}: protocol bundles own channels and sockets.
 */
@Export
@Version("1.1.0")
package org.tributary.rtp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
