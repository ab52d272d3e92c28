package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.pool.PoolAcquirePendingLimitException;

class StorageGuardTest {

    @Test
    void meansUnavailableWhenTheDatabaseOrAConnectionIsMissingEvenWhenWrappedInATransactionFailure() {
        assertThat(StorageGuard.meansUnavailable(new CannotCreateTransactionException("no connection",
                new R2dbcNonTransientResourceException("connection refused")))).isTrue();
        assertThat(StorageGuard.meansUnavailable(new CannotCreateTransactionException("no connection",
                new PoolAcquirePendingLimitException(256)))).isTrue();
        // found by DatabaseOutageIT: a connection closed while it was being opened, and a server starting up
        assertThat(StorageGuard.meansUnavailable(new CannotCreateTransactionException("no connection",
                new R2dbcException("Connection closed during SSL negotiation", "08006") { }))).isTrue();
        assertThat(StorageGuard.meansUnavailable(new R2dbcException("the database system is starting up",
                "57P03") { })).isTrue();
    }

    @Test
    void meansUnavailableNotForBugsOrConstraintViolations() {
        assertThat(StorageGuard.meansUnavailable(new DataIntegrityViolationException("duplicate key",
                new R2dbcDataIntegrityViolationException("23505")))).isFalse();
        assertThat(StorageGuard.meansUnavailable(new CannotCreateTransactionException("odd"))).isFalse();
        assertThat(StorageGuard.meansUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(StorageGuard.meansUnavailable(new R2dbcException("syntax error", "42601") { })).isFalse();
    }
}
