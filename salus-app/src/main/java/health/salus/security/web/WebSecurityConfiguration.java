package health.salus.security.web;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two of the three filter chains (the authorization server's is the first): bearer tokens for the
 * APIs, and the browser with password + second-factor sign-in, CSRF tokens and sessions.
 * Which data a caller may see is not decided here but by the access policy, in the store.
 */
@Configuration
class WebSecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/fhir/**", "/api/**")
                .authorizeHttpRequests(requests -> requests
                        // SMART clients discover the server before they have a token
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, e) -> ApiErrorResponses.write(request, response,
                                401, "A valid bearer access token is required"))
                        .accessDeniedHandler((request, response, e) -> ApiErrorResponses.write(request, response,
                                403, "The access token does not allow this")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> ApiErrorResponses.write(request, response,
                                401, "A valid bearer access token is required")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens are not sent by browsers on their own, so there is no cross-site request to forge
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
                        + "frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browserChain(HttpSecurity http, SignInSuccessHandler successHandler,
            SignInFailureHandler failureHandler, SignOutPublisher signOut, SecurityContextRepository contexts,
            Clock clock,
            @Value("${salus.security.session.absolute-limit:12h}") Duration absoluteLimit) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/mfa", "/login/mfa/enrol", "/invitation", "/password-reset",
                                "/password-reset/sent", "/password-reset/new", "/error", "/favicon.ico",
                                "/css/**", "/js/**", "/icons/**", "/webjars/**", "/manifest.webmanifest", "/sw.js",
                                "/offline.html", "/.well-known/smart-configuration", "/actuator/health").permitAll()
                        // a reminder's confirm/cancel page: the signed link in it is the authority
                        .requestMatchers("/appointments/respond").permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(login -> login.loginPage("/login").successHandler(successHandler)
                        .failureHandler(failureHandler))
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(signOut)
                        .logoutSuccessUrl("/login?signedOut"))
                .addFilterAfter(new AbsoluteSessionLimit(absoluteLimit, clock), SecurityContextHolderFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), microphone=(self), "
                                + "geolocation=(), payment=()")));
        return http.build();
    }
}
