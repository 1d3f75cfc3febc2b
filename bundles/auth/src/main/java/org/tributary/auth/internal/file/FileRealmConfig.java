package org.tributary.auth.internal.file;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the users file realm, PID {@code org.tributary.auth.file}. */
@ObjectClassDefinition(name = "Tributary users file realm",
        description = "Users and groups in QTSS-compatible qtusers/qtgroups files, passwords stored as Digest hashes")
@interface FileRealmConfig {

    @AttributeDefinition(name = "Users file",
            description = "QTSS qtusers file; empty means ${karaf.etc}/qtusers. Edits apply without a restart")
    String usersFile() default "";

    @AttributeDefinition(name = "Groups file",
            description = "QTSS qtgroups file ('group: user1 user2' lines); empty means ${karaf.etc}/qtgroups")
    String groupsFile() default "";

    @AttributeDefinition(name = "Realm name",
            description = "Digest realm used while the users file has no 'realm' line (the file's line wins, "
                    + "since the stored hashes were computed with it)")
    String realmName() default FileRealm.DEFAULT_REALM;
}
