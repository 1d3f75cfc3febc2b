/**
 * The one home of Tributary's security-critical code, used by every bundle that needs it:
 * confinement of untrusted request paths to a folder ({@link org.tributary.security.ConfinedFolder}),
 * the Digest hashes of RFC 2617 and RFC 7616 ({@link org.tributary.security.DigestHash}), the
 * {@code auth-param} syntax of {@code Authorization} and {@code WWW-Authenticate} values
 * ({@link org.tributary.security.AuthParamSyntax}), the rate-limited log of refusals
 * ({@link org.tributary.security.RefusalLog}), and the cleaning of header values a client chose before they
 * are kept for management ({@link org.tributary.security.ClientText}), and the refusal of new sessions while
 * the heap is nearly full ({@link org.tributary.security.HeapGuard}). Only the JDK and SLF4J.
 */
@Export
@Version("1.3.0")
package org.tributary.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
