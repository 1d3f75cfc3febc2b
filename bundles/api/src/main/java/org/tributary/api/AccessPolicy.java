package org.tributary.api;

/**
 * One set of access rules (client addresses, per-folder qtaccess files…), registered as an OSGi
 * service with a {@link #NAME} property. The {@link AccessService} asks every policy and keeps the
 * most severe answer; a policy named in the access configuration as required denies everything
 * while it is missing, so stopping a policy never opens access.
 */
public interface AccessPolicy {

    /** Service property: the policy's name, such as {@code "ip-rules"} or {@code "qtaccess"}. */
    String NAME = "tributary.policy";

    /**
     * @param request the request; its user is present when the client authenticated
     * @return ALLOW when this policy has nothing against it, CHALLENGE when a (different) user may
     *         be allowed, DENY otherwise
     */
    AccessDecision decide(AccessRequest request);
}
