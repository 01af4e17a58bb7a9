package dev.tandem.platform.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from their access token. A controller takes it as a parameter to decide what the caller may see.
 *
 * @param subject the token's subject: a customer's or agent's id at the identity provider
 * @param name    their display name, when the token carries one
 * @param roles   their roles, such as {@code customer}
 */
public record Caller(String subject, String name, Set<String> roles) {

    /** How Spring Security names a role's authority: {@code ROLE_customer}. */
    static final String ROLE_PREFIX = "ROLE_";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the request being handled. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("No authenticated caller: the endpoint is not behind the API's security");
        }
        return of(jwt, authentication);
    }

    static Caller of(Jwt jwt, Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("name"), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** A caller who acts for the support organisation: an agent or a supervisor. */
    public boolean isStaff() {
        return hasRole(Roles.AGENT) || hasRole(Roles.SUPERVISOR);
    }

    /** Whether the caller is this person, or a supervisor who may act for anyone. */
    public boolean isOrSupervises(String subject) {
        return this.subject.equals(subject) || hasRole(Roles.SUPERVISOR);
    }
}
