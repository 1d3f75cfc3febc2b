package org.tributary.auth.internal.jaas;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the Karaf JAAS realm, PID {@code org.tributary.auth.jaas}. */
@ObjectClassDefinition(name = "Tributary JAAS realm",
        description = "Checks Basic logins against a Karaf JAAS realm (users.properties, LDAP, JDBC...). "
                + "JAAS cannot give Digest hashes, so these users need Basic authentication")
@interface JaasRealmConfig {

    @AttributeDefinition(name = "JAAS realm", description = "Name of the Karaf JAAS realm to log in with")
    String jaasRealm() default "karaf";

    @AttributeDefinition(name = "Name",
            description = "Name of this realm in Tributary (shown with the users it vouches for)")
    String name() default "karaf";
}
