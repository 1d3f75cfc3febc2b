/**
 * MP3 broadcast stations as management tools see them: what is on air at which mount, fed from where,
 * heard by how many. The bundle that serves stations registers a {@link StationDirectory}.
 */
@Export
@Version("1.0.0")
package org.tributary.api.station;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
