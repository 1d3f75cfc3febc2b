/**
 * Waking work on event loops in batches: one task per loop for many targets, and at most one pending
 * task per target, for the protocol bundles that hand media from a publishing thread to the loops that
 * own their clients' connections. Nothing here mentions Netty: a loop is an {@link java.util.concurrent.Executor}.
 */
@Export
@Version("1.0.0")
package org.tributary.api.loop;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
