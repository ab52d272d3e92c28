package dev.momentum.auth.bootstrap.planted;

import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;

/** A capability's wiring that takes adapters instead of ports, on purpose. Never used. */
public class PlantedWiring {

    public Object users(PersistenceAdapters persistence) {
        return persistence.users();
    }

    public Class<?> hasher() {
        return Argon2idPasswordHasher.class;
    }
}
