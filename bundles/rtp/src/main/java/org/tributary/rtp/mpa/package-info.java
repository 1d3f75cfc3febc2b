/**
 * MPEG audio (MP3) framing shared by every bundle that reads MP3: the frame header with the size and
 * duration it implies, used to index files, to packetize (RFC 2250) and to validate broadcast sources.
 */
@Export
@Version("1.0.0")
package org.tributary.rtp.mpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
