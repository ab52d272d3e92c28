package dev.momentum.auth.application.port.in.planted;

/** A primary port that is neither a UseCase nor a Query, on purpose. Never used. */
public interface PlantedPort {
}
