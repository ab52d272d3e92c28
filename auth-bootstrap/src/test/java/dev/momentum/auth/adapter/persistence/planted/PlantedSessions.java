package dev.momentum.auth.adapter.persistence.planted;

import dev.momentum.auth.application.session.port.out.SessionRepository;

/** A persistence port implemented by a class not named as a persistence adapter, on purpose. Never used. */
public abstract class PlantedSessions implements SessionRepository {
}
