package dev.tandem.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One security model for every Tandem API: an OAuth2 resource server that takes JWT access tokens from the
 * configured issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and {@code jwk-set-uri}), for the
 * {@code tandem} audience, with roles in the {@code roles} claim. No sessions, no cookies, so no CSRF to guard.
 *
 * <p>Open to all: health, info and Prometheus metrics, and the API description. Other management endpoints are for
 * operators. Each service adds its rules through an {@link ApiAccessRules} bean; whatever no rule allows is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String BEARER_SCHEME = "bearer-jwt";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<ApiAccessRules> rules,
                                    ObjectProvider<JwtDecoder> decoder, ObjectProvider<Clock> clock,
                                    JsonMapper json) throws Exception {
        JwtDecoder issuerTokens = decoder.getIfAvailable();
        if (issuerTokens == null) {
            throw new IllegalStateException("No token issuer is configured: set"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri and"
                    + " spring.security.oauth2.resourceserver.jwt.jwk-set-uri to the identity provider's");
        }
        SecurityProblems problems = new SecurityProblems(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(access -> {
                    access.requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                    "/actuator/info", "/actuator/prometheus").permitAll()
                            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                    "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .requestMatchers("/actuator/**").hasRole(Roles.OPERATOR);
                    rules.orderedStream().forEach(rule -> rule.define(access));
                    access.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(issuerTokens, clock.getIfAvailable(Clock::systemUTC))))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Spring Security's firewall, with its header rules checked without regular expressions (same rules). */
    @Bean
    WebSecurityCustomizer headerCharacterChecks() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return web -> web.httpFirewall(firewall);
    }

    /** Lets a controller method take the {@link Caller} as a parameter. */
    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                                  NativeWebRequest request, WebDataBinderFactory binders) {
                        return Caller.current();
                    }
                });
            }
        };
    }

    /** Tells the API description, and Swagger UI's "Authorize" button, that calls take a bearer token. */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token from the configured issuer, audience `tandem`, with the caller's"
                            + " roles in the `roles` claim (customer, agent, supervisor, operator). Locally:"
                            + " `curl 'http://127.0.0.1:8025/issuer/token?role=customer&subject=ada'`."));
            if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                openApi.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            }
        };
    }
}
