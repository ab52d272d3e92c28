package dev.momentum.auth.bootstrap.system.backend;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A backend as a team would write it: Spring WebFlux with spring-security-oauth2-resource-server,
 * configured with nothing but our issuer URL and audience. {@code GET /me} answers the verified
 * token's subject and email; anything else gets Spring's 401.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ResourceServerBackend {

    public static ConfigurableApplicationContext start(String issuer, String audience) {
        return run(issuer, audience, ResourceServerBackend.class, Me.class);
    }

    /** A reactive resource server of these sources, on a free port, trusting our issuer for this audience. */
    static ConfigurableApplicationContext run(String issuer, String audience, Class<?>... sources) {
        SpringApplication application = new SpringApplication(sources);
        application.setDefaultProperties(Map.of(
                "server.port", "0",
                "spring.main.web-application-type", "reactive",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer,
                "spring.security.oauth2.resourceserver.jwt.audiences", audience));
        return application.run();
    }

    @RestController
    static class Me {

        @GetMapping("/me")
        Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("sub", jwt.getSubject(), "email", jwt.getClaimAsString("email"));
        }
    }
}
