package dev.momentum.auth.application.session.port.out;

import dev.momentum.auth.domain.user.UserId;
import java.util.function.Consumer;

/**
 * Word that users or their sessions changed, so that an instance can drop what it holds of them in
 * memory (ADR-0036, ADR-0042). The store itself tells of every change, whoever makes it: no write
 * has to remember to. A change this instance makes is told before the write completes.
 */
public interface UserChangeFeed {

    /**
     * Hands every change to the listener, on whichever thread it is noticed, until the returned
     * handle is closed. The first word is {@link UserChange.Listening} once changes are being heard.
     */
    AutoCloseable follow(Consumer<UserChange> listener);

    /** Whether this store tells of changes at all; one that does not (the embedded database) lets nothing be held. */
    boolean announcesChanges();

    sealed interface UserChange {

        /** Changes are heard from now on; any made before may have been missed. */
        record Listening() implements UserChange {
        }

        /** The feed broke: changes may go unheard until the next {@link Listening}. */
        record Interrupted() implements UserChange {
        }

        /** The user's account or any of their sessions changed, or the user is gone. */
        record OfUser(UserId id) implements UserChange {
        }
    }
}
