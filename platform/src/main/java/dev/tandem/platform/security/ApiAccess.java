package dev.tandem.platform.security;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Authorization rules that depend on the path, for {@link ApiAccessRules}. */
public final class ApiAccess {

    private ApiAccess() {
    }

    /**
     * Allows the person the path names ({@code /api/agents/{agentId}/...} with {@code agentId} as the variable) when
     * they have the given role, and anyone with one of the roles that act for others.
     *
     * @param variable   the path variable that names a person, compared with the token's subject
     * @param ownRole    the role the person must have to act for themselves, such as {@code agent}
     * @param otherRoles roles that may act for anyone, such as {@code supervisor}
     */
    public static AuthorizationManager<RequestAuthorizationContext> self(String variable, String ownRole,
                                                                         String... otherRoles) {
        return (authentication, context) -> decide(authentication, context, variable, ownRole, otherRoles);
    }

    private static AuthorizationResult decide(Supplier<? extends Authentication> supplier,
                                              RequestAuthorizationContext context, String variable, String ownRole,
                                              String[] otherRoles) {
        Authentication authentication = supplier.get();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        boolean actsForOthers = Arrays.stream(otherRoles).anyMatch(role -> has(authentication, role));
        boolean isThem = has(authentication, ownRole) && authentication.getName().equals(context.getVariables().get(variable));
        return new AuthorizationDecision(actsForOthers || isThem);
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().anyMatch(authority -> (Caller.ROLE_PREFIX + role)
                .equals(authority.getAuthority()));
    }
}
