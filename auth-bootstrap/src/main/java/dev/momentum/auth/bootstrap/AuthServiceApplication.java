package dev.momentum.auth.bootstrap;

import dev.momentum.auth.bootstrap.config.ServiceSettings;
import dev.momentum.auth.bootstrap.config.ServiceSettings.InvalidConfigurationException;
import dev.momentum.auth.bootstrap.config.ServiceWiring;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The service. Configuration is read and checked before Spring starts, so a misconfigured
 * deployment stops with one line that names every problem instead of a stack trace. There is
 * no component scan: {@link ServiceWiring} names every part.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@Import(ServiceWiring.class)
public class AuthServiceApplication {

    public static void main(String[] args) {
        ServiceSettings settings;
        try {
            settings = ServiceSettings.from(System::getenv);
        } catch (InvalidConfigurationException e) {
            LoggerFactory.getLogger(AuthServiceApplication.class).error("Configuration error: {}", e.getMessage());
            System.exit(2);
            return;
        }
        start(settings, args);
    }

    public static ConfigurableApplicationContext start(ServiceSettings settings, String... args) {
        SpringApplication application = new SpringApplication(AuthServiceApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("serviceSettings", settings));
        application.setDefaultProperties(Map.of("server.port", String.valueOf(settings.port())));
        return application.run(args);
    }
}
