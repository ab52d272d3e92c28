package dev.momentum.auth.application.planted;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import reactor.core.publisher.Mono;

/** A technology word in the core, an adapter dependency and a blocking call, on purpose. Never used. */
public class JsonPlantedHelper {

    public String blocks() {
        return Mono.just(DatabaseUrl.parse("postgres://u:p@h/d").host()).block();
    }
}
