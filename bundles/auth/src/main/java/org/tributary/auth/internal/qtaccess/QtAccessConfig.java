package org.tributary.auth.internal.qtaccess;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the qtaccess policy, PID {@code org.tributary.auth.qtaccess}. */
@ObjectClassDefinition(name = "Tributary qtaccess files",
        description = "QTSS-compatible per-folder access files in the media folder (AuthName, require, <Limit>)")
@interface QtAccessConfig {

    @AttributeDefinition(name = "Media folder",
            description = "Folder whose access files apply; empty means ${karaf.home}/media")
    String mediaFolder() default "";

    @AttributeDefinition(name = "File name",
            description = "Name of the access files; the one nearest to a request's folder decides")
    String fileName() default QtAccessPolicy.DEFAULT_FILE_NAME;
}
