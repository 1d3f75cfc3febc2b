package org.tributary.webconsole.internal.http;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who may use {@code /tributary/api} and {@code /tributary/metrics}, PID {@code org.tributary.webconsole}. */
@ObjectClassDefinition(name = "Tributary management API",
        description = "Access to the JSON API (/tributary/api) and the Prometheus metrics (/tributary/metrics)")
@interface WebConsoleConfig {

    @AttributeDefinition(name = "JAAS realm", description = "The JAAS realm that checks HTTP Basic logins")
    String realm() default "karaf";

    @AttributeDefinition(name = "Role", description = "The role a user needs")
    String role() default "admin";
}
