package dev.momentum.auth.application.plantedcycle;

import dev.momentum.auth.application.planted.JsonPlantedHelper;

/** A capability that needs another one which needs it back, on purpose. Never used. */
public class PlantedCycle {

    public Class<?> other() {
        return JsonPlantedHelper.class;
    }
}
