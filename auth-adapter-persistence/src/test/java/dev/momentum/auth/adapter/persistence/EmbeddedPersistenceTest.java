package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.session.port.out.UserChangeFeed.UserChange;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPersistenceTest extends PersistenceContract {

    @TempDir
    Path directory;

    @Override
    Database newDatabase() {
        return Database.embedded(directory.resolve("auth"), Database.PoolSettings.DEFAULT);
    }

    /** H2 announces no change, so the feed never says it listens, and nothing may be held in memory. */
    @Test
    void userChangesOnTheEmbeddedDatabaseNeverSayListening() throws Exception {
        User user = stored("ada@example.com");
        List<UserChange> heard = new CopyOnWriteArrayList<>();

        try (var following = adapters.userChanges().follow(heard::add)) {
            adapters.users().updateProfile(user.id(), new UserProfile("Ada L.", null), NOW).block();
        }

        assertThat(heard).isEmpty();
        assertThat(adapters.userChanges().announcesChanges()).isFalse();
    }
}
