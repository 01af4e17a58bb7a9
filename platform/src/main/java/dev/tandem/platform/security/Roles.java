package dev.tandem.platform.security;

/**
 * The roles of Tandem's security model, as a token's {@code roles} claim names them. Spring Security sees each as
 * an authority {@code ROLE_<name>}, so {@code hasRole(Roles.AGENT)} and friends work as usual.
 */
public final class Roles {

    /** A customer: their own requests, and nothing else. */
    public static final String CUSTOMER = "customer";
    /** An agent: their own presence, offers and requests. */
    public static final String AGENT = "agent";
    /** A supervisor: every agent and request of the support organisation. */
    public static final String SUPERVISOR = "supervisor";
    /** An operator: the services' management endpoints. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
