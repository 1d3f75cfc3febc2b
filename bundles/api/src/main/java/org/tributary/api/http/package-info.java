/**
 * HTTP on the streaming ports: the RTSP ports tell HTTP from RTSP by a connection's first bytes, keep
 * the RTSP-over-HTTP tunnel for themselves and hand every other HTTP request, and the MP3 source logins
 * ({@code PUT}, {@code SOURCE}, a Shoutcast v1 password line), to the {@link HttpHandler} service that
 * claims its path. Nothing here mentions Netty: a handler sees a request head, answers it whole or
 * streams a body out with back-pressure, or reads a source's body as it arrives.
 */
@Export
@Version("1.0.0")
package org.tributary.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
