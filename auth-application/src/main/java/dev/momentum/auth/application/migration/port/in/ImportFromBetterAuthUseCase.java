package dev.momentum.auth.application.migration.port.in;

import reactor.core.publisher.Mono;

/**
 * Takes over a better-auth deployment's users, passwords, sessions, accounts, second factors and
 * JWT keys, with the same ids, without writing better-auth's tables (ADR-0040). Safe to run again:
 * a later run brings over what changed there since.
 */
public interface ImportFromBetterAuthUseCase {

    Mono<BetterAuthImportResult> importAll(BetterAuthImportCommand command);
}
