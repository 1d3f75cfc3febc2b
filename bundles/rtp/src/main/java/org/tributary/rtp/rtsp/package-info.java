/**
 * RTSP header syntax for servers and clients alike (RFC 2326): Transport, Session, Range, Scale and
 * RTP-Info values and the Request-URI, parsed strictly with bounded work and written back in their
 * canonical form. A value that cannot be used raises an {@link org.tributary.rtp.rtsp.RtspHeaderException}
 * whose status code is the answer a server gives and whose message names the offending value.
 * <p>
 * Header values are taken as one char per octet, as a decoder reads them from the wire. Only the JDK.
 */
@Export
@Version("1.0.0")
package org.tributary.rtp.rtsp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
