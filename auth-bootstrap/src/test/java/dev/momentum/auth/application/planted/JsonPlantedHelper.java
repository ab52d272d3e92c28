package dev.momentum.auth.application.planted;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.application.plantedcycle.PlantedCycle;
import reactor.core.publisher.Mono;

/**
 * A technology word in the core, an adapter dependency, a blocking call and the way back of
 * {@link PlantedCycle}, on purpose. Never used.
 */
public class JsonPlantedHelper {

    public String blocks() {
        return Mono.just(DatabaseUrl.parse("postgres://u:p@h/d").host()).block();
    }

    public Class<?> back() {
        return PlantedCycle.class;
    }
}
