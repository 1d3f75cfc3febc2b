package org.tributary.auth.internal.ip;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the IP rules policy, PID {@code org.tributary.auth.ip}. */
@ObjectClassDefinition(name = "Tributary IP rules",
        description = "Allows or denies client addresses per path")
@interface IpRulesConfig {

    @AttributeDefinition(name = "Rules", description = "PATH allow|deny CIDR [CIDR...] entries, separated by ';' or "
            + "new lines, e.g. '/ deny 192.0.2.0/24; /private/ allow 127.0.0.0/8 ::1'. The rules of the longest "
            + "matching path decide: a client in a deny block is refused, and so is a client outside every allow "
            + "block. IPv4 and IPv6. A broken rule refuses everything until it is fixed. Empty: everyone allowed")
    String[] rules() default {};
}
