package dev.momentum.auth.application.credential.port.out;

import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The users' password credentials: read to check a password, replaced to change one. */
public interface PasswordCredentials {

    Mono<PasswordCredential> findCredentialByEmail(EmailAddress email);

    Mono<PasswordCredential> findCredentialById(UserId id);

    Mono<Void> replacePasswordHash(UserId id, PasswordHash passwordHash, Instant now);
}
