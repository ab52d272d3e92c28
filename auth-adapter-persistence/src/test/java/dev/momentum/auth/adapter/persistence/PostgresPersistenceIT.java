package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.session.port.out.UserChangeFeed.UserChange;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

class PostgresPersistenceIT extends PersistenceContract {

    private static final Duration NOTICE_WAIT = Duration.ofSeconds(10);

    private DatabaseUrl url;

    @Override
    Database newDatabase() {
        url = TestPostgres.freshDatabase();
        return Database.postgres(url, Database.PoolSettings.DEFAULT);
    }

    /**
     * No write tells of its change itself: the database announces it on the writing connection,
     * before it reports the write done, so the change is heard before the write completes.
     */
    @Test
    void userChangesWhenThisInstanceChangesAUserOrASessionThenEachWriteIsHeardBeforeItCompletes() throws Exception {
        User user = stored("ada@example.com");
        Session session = storedSession(user, "secret-token");
        List<UserChange> heard = new CopyOnWriteArrayList<>();
        var ofAda = new UserChange.OfUser(user.id());

        try (var following = adapters.userChanges().follow(heard::add)) {
            List<Runnable> writes = List.of(
                    () -> adapters.users().updateProfile(user.id(), new UserProfile("Ada L.", null), NOW).block(),
                    () -> adapters.users().markEmailVerified(user.id(), NOW).block(),
                    () -> adapters.users().changeEmailIfFree(user.id(), new EmailAddress("ada@example.org"), NOW).block(),
                    () -> adapters.userAdministration().setDisabled(user.id(), true, "test", NOW).block(),
                    () -> adapters.userAdministration().setRole(user.id(), "admin", NOW).block(),
                    () -> adapters.sessions().extend(session.refreshedAt(NOW.plusSeconds(90_000), SessionLifetime.DEFAULT))
                            .block(),
                    () -> adapters.sessions().deleteOfUser(user.id(), session.id(), session.tokenHash()).block(),
                    () -> adapters.sessions().deleteByTokenHash(storedSession(user, "second").tokenHash()).block(),
                    () -> {
                        storedSession(user, "third");
                        adapters.sessions().deleteAllOfUser(user.id(), null).block();
                    },
                    () -> adapters.users().delete(user.id()).block());
            for (int i = 0; i < writes.size(); i++) {
                heard.clear();
                writes.get(i).run();
                assertThat(heard).as("write %d", i).contains(ofAda);
            }
        }
    }

    @Test
    void userChangesWhenAWriteRanInATransactionThenItIsHeardOnceTheTransactionCommitted() throws Exception {
        User user = stored("ada@example.com");
        List<UserChange> heard = new CopyOnWriteArrayList<>();
        var ofAda = new UserChange.OfUser(user.id());

        try (var following = adapters.userChanges().follow(heard::add)) {
            long heardInside = adapters.transactions().inTransaction(() -> adapters.users()
                            .updateProfile(user.id(), new UserProfile("Ada L.", null), NOW)
                            .then(Mono.fromSupplier(() -> heard.stream().filter(ofAda::equals).count())))
                    .block();

            assertThat(heardInside).as("nothing is announced before the commit").isZero();
            assertThat(heard).contains(ofAda);
        }
    }

    /** A connection listens once, when it is made: not again each time the pool hands it out. */
    @Test
    void ownNoticesWhenPooledConnectionsWereHandedOutManyTimesThenAChangeIsHeardOnce() {
        User user = stored("ada@example.com");
        for (int i = 0; i < 30; i++) {
            adapters.users().findById(user.id()).block();
        }
        List<String> heard = new CopyOnWriteArrayList<>();
        database.onOwnNotices(heard::add);

        adapters.users().updateProfile(user.id(), new UserProfile("Ada L.", null), NOW).block();

        assertThat(heard).filteredOn(notice -> notice.contains(user.id().value())).hasSize(1);
    }

    /** A row changed by plain SQL, on a connection of the service's own pool, is heard as well. */
    @Test
    void userChangesWhenARowIsChangedByPlainSqlOnAPooledConnectionThenItIsHeardBeforeTheStatementCompletes() {
        User user = stored("ada@example.com");
        List<UserChange> heard = new CopyOnWriteArrayList<>();

        try (var following = adapters.userChanges().follow(heard::add)) {
            DatabaseClient.create(database.connectionFactory())
                    .sql("UPDATE users SET name = 'by hand' WHERE id = '" + user.id().value() + "'").then().block();

            assertThat(heard).contains(new UserChange.OfUser(user.id()));
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
    }

    @Test
    void userChangesWhenAnotherInstanceOrAnOperatorChangesAUserOrSessionThenTheyAreHeard() throws Exception {
        User user = stored("ada@example.com");
        storedSession(user, "secret-token");
        BlockingQueue<UserChange> heard = new LinkedBlockingQueue<>();

        try (var following = adapters.userChanges().follow(heard::add);
             var otherInstance = Database.postgres(url, Database.PoolSettings.DEFAULT)) {
            awaitHeard(heard, new UserChange.Listening());
            var other = new PersistenceAdapters(otherInstance, IDS, Duration.ofSeconds(5), new TestSealer(SECRET));

            other.users().updateProfile(user.id(), new UserProfile("Ada L.", null), NOW).block();
            awaitHeard(heard, new UserChange.OfUser(user.id()));

            DatabaseClient.create(otherInstance.connectionFactory())
                    .sql("DELETE FROM sessions WHERE user_id = '" + user.id().value() + "'").then().block();
            awaitHeard(heard, new UserChange.OfUser(user.id()));
        }
    }

    @Test
    void userChangesWhenTheListeningConnectionIsKilledThenInterruptedAndListeningAgainWithoutLosingLaterChanges()
            throws Exception {
        User user = stored("ada@example.com");
        BlockingQueue<UserChange> heard = new LinkedBlockingQueue<>();

        try (var following = adapters.userChanges().follow(heard::add)) {
            awaitHeard(heard, new UserChange.Listening());

            long killed = DatabaseClient.create(database.connectionFactory())
                    .sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name")
                    .bind("name", Database.CHANGE_NOTICES_APPLICATION_NAME)
                    .map(row -> row.get(0, Boolean.class)).all().count().block();
            assertThat(killed).isEqualTo(1);
            awaitHeard(heard, new UserChange.Interrupted());
            awaitHeard(heard, new UserChange.Listening());

            DatabaseClient.create(database.connectionFactory())
                    .sql("UPDATE users SET name = 'by hand' WHERE id = '" + user.id().value() + "'").then().block();
            awaitHeard(heard, new UserChange.OfUser(user.id()));
        }
    }

    /** Takes what was heard until the expected change comes, failing when it does not come in time. */
    private static void awaitHeard(BlockingQueue<UserChange> heard, UserChange expected) throws InterruptedException {
        long deadline = System.nanoTime() + NOTICE_WAIT.toNanos();
        for (UserChange change = null; !expected.equals(change); ) {
            change = heard.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(change).as("heard %s in time", expected).isNotNull();
        }
    }

    @Test
    void migrateWhenFourInstancesStartAtOnceThenAllSucceedAndSchemaExistsOnce() throws Exception {
        DatabaseUrl url = TestPostgres.freshDatabase();
        CyclicBarrier allReady = new CyclicBarrier(4);
        Runnable instance = () -> {
            try (Database db = Database.postgres(url, Database.PoolSettings.DEFAULT)) {
                allReady.await();
                new LiquibaseSchemaMigrator(db).migrate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(java.util.stream.Stream.generate(() -> CompletableFuture.runAsync(instance, pool))
                    .limit(4).toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }

        try (Database db = Database.postgres(url, Database.PoolSettings.DEFAULT)) {
            var adapters = new PersistenceAdapters(db, IDS, java.time.Duration.ofSeconds(5), new TestSealer(SECRET));
            var client = org.springframework.r2dbc.core.DatabaseClient.create(db.connectionFactory());
            assertThat(count(client, "databasechangelog")).isEqualTo(changesetsInChangelog());
            assertThat(adapters.probe().isReachable().block()).isTrue();
        }
    }

    @Test
    void migrateWhenChangelogFingerprintRecordedThenLiquibaseIsSkippedElseItRunsAndRecordsIt() throws Exception {
        DatabaseUrl url = TestPostgres.freshDatabase();
        try (Database db = Database.postgres(url, Database.PoolSettings.DEFAULT)) {
            var client = org.springframework.r2dbc.core.DatabaseClient.create(db.connectionFactory());
            new LiquibaseSchemaMigrator(db).migrate();
            assertThat(client.sql("SELECT fingerprint FROM schema_fingerprints").map(row -> row.get(0, String.class))
                    .all().collectList().block())
                    .containsExactly(ChangelogFingerprint.of(LiquibaseSchemaMigrator.CHANGELOG));

            // a changeset Liquibase would re-apply (and fail on) shows whether it ran
            client.sql("DELETE FROM databasechangelog WHERE id = '0003-signing-keys'").then().block();
            new LiquibaseSchemaMigrator(db).migrate();
            assertThat(count(client, "databasechangelog")).isEqualTo(changesetsInChangelog() - 1);

            client.sql("DELETE FROM schema_fingerprints").then().block();
            client.sql("DROP TABLE signing_keys").then().block();
            new LiquibaseSchemaMigrator(db).migrate();
            assertThat(count(client, "databasechangelog")).isEqualTo(changesetsInChangelog());
            assertThat(count(client, "schema_fingerprints")).isOne();
        }
    }

    private static Long count(org.springframework.r2dbc.core.DatabaseClient client, String table) {
        return client.sql("SELECT COUNT(*) AS n FROM " + table).map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void probeWhenDatabaseUnreachableThenFalseQuickly() {
        var unreachable = DatabaseUrl.parse("postgres://nobody:x@127.0.0.1:1/none?sslmode=disable");
        try (Database db = Database.postgres(unreachable, Database.PoolSettings.DEFAULT)) {
            var adapters = new PersistenceAdapters(db, IDS, java.time.Duration.ofSeconds(5), new TestSealer(SECRET));
            long started = System.nanoTime();

            assertThat(adapters.probe().isReachable().block()).isFalse();
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        }
    }

    /** Counted in the changelog the migrator reads, so a new changeset needs no change here. */
    static long changesetsInChangelog() throws Exception {
        var changes = java.nio.file.Path.of(PostgresPersistenceIT.class.getResource("/db/changelog/changes").toURI());
        try (var files = java.nio.file.Files.list(changes)) {
            long count = 0;
            for (var file : files.toList()) {
                count += java.nio.file.Files.readAllLines(file).stream().filter(line -> line.strip().equals("- changeSet:"))
                        .count();
            }
            return count;
        }
    }
}
