package dev.momentum.auth.adapter.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPersistenceTest extends PersistenceContract {

    @TempDir
    Path directory;

    @Override
    Database newDatabase() {
        return Database.embedded(directory.resolve("auth"), Database.PoolSettings.DEFAULT);
    }
}
