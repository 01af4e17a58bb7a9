package dev.tandem.issuer;

import java.util.Locale;
import java.util.Optional;

/** The roles Tandem's APIs know, as they appear in a token's {@code roles} claim. */
public enum Role {
    /** A customer: their own requests only. */
    CUSTOMER,
    /** An agent: their own presence, offers and requests. */
    AGENT,
    /** A supervisor: every agent and request of the support organisation. */
    SUPERVISOR,
    /** An operator: the services' management endpoints. */
    OPERATOR;

    /** The name in the {@code roles} claim, such as {@code customer}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
