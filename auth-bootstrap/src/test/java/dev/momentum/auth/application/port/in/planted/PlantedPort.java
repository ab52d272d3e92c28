package dev.momentum.auth.application.port.in.planted;

import dev.momentum.auth.application.session.port.out.SessionRepository;

/**
 * A primary port that is neither a UseCase nor a Query, that hands out an out-port, and a record of
 * it likewise, on purpose. Never used.
 */
public interface PlantedPort {

    SessionRepository sessions();

    /** A primary-port record that is neither a Command, a Query nor a Result. */
    record PlantedDetails(String value) {
    }
}
