package dev.momentum.auth.application.port.in.planted;

/** A primary port that is neither a UseCase nor a Query, and a record of it likewise, on purpose. Never used. */
public interface PlantedPort {

    /** A primary-port record that is neither a Command, a Query nor a Result. */
    record PlantedDetails(String value) {
    }
}
