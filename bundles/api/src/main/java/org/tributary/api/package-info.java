/**
 * Tributary's protocol-neutral API: media sources and their mounts, sessions, servers.
 * Implementation bundles meet only through the services declared here; no type in this
 * package mentions Netty or an implementation class.
 */
@Export
@Version("1.5.0")
package org.tributary.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
