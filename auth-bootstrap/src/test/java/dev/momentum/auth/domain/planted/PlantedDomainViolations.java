package dev.momentum.auth.domain.planted;

import java.time.Instant;
import java.util.Random;

/** Breaks the domain rules on purpose; ArchitectureTest proves the rules catch it. Never used. */
public class PlantedDomainViolations {

    public String springInTheDomain() {
        return org.springframework.util.StringUtils.capitalize("x");
    }

    public Instant readsTheWallClock() {
        return Instant.now();
    }

    public int weakRandomness() {
        return new Random().nextInt();
    }

    public record PlantedSignUpRequest(String email) {
    }
}
