package org.tributary.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Access rules and login limits (PID {@code org.tributary.access}). */
@ObjectClassDefinition(name = "Tributary access", description = "Who may watch and publish which paths")
@interface AccessConfig {

    @AttributeDefinition(name = "Rules", description = "PATH READ|WRITE REQUIREMENT entries, separated by ';' "
            + "(REQUIREMENT: valid-user, any-user, user U1 U2, group G1 G2, deny), e.g. "
            + "'/private/ READ valid-user; / WRITE group broadcaster'. The longest matching path decides.")
    String[] rules() default {"/ WRITE group broadcaster"};

    @AttributeDefinition(name = "Challenge realm", description = "Realm named in 401 challenges; Digest needs a realm "
            + "holding password hashes for this name (the users file's 'realm' line)")
    String challengeRealm() default "Streaming Server";

    @AttributeDefinition(name = "Required policies", description = "Access policies (by name, e.g. ip-rules, qtaccess) "
            + "without which every request is denied, so that stopping one never opens access")
    String[] requiredPolicies() default {};

    @AttributeDefinition(name = "Failed logins before blocking", description = "Failed logins from one address within the window before it is blocked")
    int maxFailedLogins() default 10;

    @AttributeDefinition(name = "Failure window (s)", description = "Seconds over which failed logins are counted")
    int failureWindowSeconds() default 60;

    @AttributeDefinition(name = "Block time (s)", description = "Seconds an address stays blocked after too many failed logins")
    int blockSeconds() default 120;

    @AttributeDefinition(name = "Connections per address", description = "Maximum concurrent connections from one address; 0 for no limit")
    int maxConnectionsPerAddress() default 0;
}
