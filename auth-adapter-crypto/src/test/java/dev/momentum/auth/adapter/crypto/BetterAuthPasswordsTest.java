package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.credential.BetterAuthPasswordHash;
import dev.momentum.auth.domain.credential.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hashes made by better-auth 1.7.25's own hashPassword, checked as a sign-in here checks them. */
class BetterAuthPasswordsTest {

    static final String CORRECT_HORSE = "afbc25a9147cca85c1238f0c4ad48fbe:04a24eb50186ae583e9395c864cb4c5bc5b8c6a8eb6e9c"
            + "352b1615acf55700894024ba591c95c37d8d438756002098be412c085f0bfe2b07d5e5c5b346e39730";
    /** hashPassword("ﬁne password ﬁ"), with the ligature better-auth normalises (NFKC) to "fi". */
    static final String LIGATURES = "679493479e8012e8cfa1a80ac82d76bf:b771225602a24d1b6e92bc0494b3a339416bd2197f4a0046"
            + "e18576228b6d6a3c43e2c10b5c3a95b7ed6c69f7bfb1885ba1a07f6a4490e8a5f977aa5826357b2f";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(Argon2Parameters.OWASP, 2, 16);

    @AfterEach
    void close() {
        hasher.close();
    }

    @Test
    void matchesWhenBetterAuthHashThenItsPasswordAndNoOther() {
        PasswordHash imported = BetterAuthPasswordHash.toPhc(CORRECT_HORSE).orElseThrow();

        assertThat(hasher.matches("correct horse battery staple", imported).block()).isTrue();
        assertThat(hasher.matches("correct horse battery stapl", imported).block()).isFalse();
        assertThat(hasher.matches("Correct horse battery staple", imported).block()).isFalse();
    }

    @Test
    void matchesWhenBetterAuthHashOfANonNormalisedPasswordThenEitherFormMatches() {
        PasswordHash imported = BetterAuthPasswordHash.toPhc(LIGATURES).orElseThrow();

        assertThat(hasher.matches("\uFB01ne password \uFB01", imported).block()).isTrue();
        assertThat(hasher.matches("fine password fi", imported).block()).isTrue();
    }

    @Test
    void needsRehashWhenBetterAuthHashThenTrue() {
        assertThat(hasher.needsRehash(BetterAuthPasswordHash.toPhc(CORRECT_HORSE).orElseThrow())).isTrue();
    }

    @Test
    void matchesWhenAScryptHashIsCorruptThenFalse() {
        assertThat(hasher.matches("correct horse battery staple",
                new PasswordHash(BetterAuthPasswordHash.PHC_PREFIX + "c2FsdA")).block()).isFalse();
    }
}
