package dev.momentum.auth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BetterAuthPasswordHashTest {

    /** Made by better-auth 1.7.25's hashPassword("correct horse battery staple"). */
    static final String STORED = "afbc25a9147cca85c1238f0c4ad48fbe:04a24eb50186ae583e9395c864cb4c5bc5b8c6a8eb6e9c352b"
            + "1615acf55700894024ba591c95c37d8d438756002098be412c085f0bfe2b07d5e5c5b346e39730";

    @Test
    void toPhcWhenBetterAuthHashThenScryptWithTheHexSaltAsItsBytes() {
        PasswordHash phc = BetterAuthPasswordHash.toPhc(STORED).orElseThrow();

        assertThat(phc.algorithm()).isEqualTo("scrypt");
        String[] parts = phc.encoded().split("\\$");
        assertThat(parts[2]).isEqualTo("ln=14,r=16,p=1");
        assertThat(new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.US_ASCII))
                .isEqualTo("afbc25a9147cca85c1238f0c4ad48fbe");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(64).startsWith(0x04, 0xa2, 0x4e, 0xb5);
    }

    @Test
    void toPhcWhenNotBetterAuthsFormThenEmpty() {
        assertThat(BetterAuthPasswordHash.toPhc(null)).isEmpty();
        assertThat(BetterAuthPasswordHash.toPhc("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA")).isEmpty();
        assertThat(BetterAuthPasswordHash.toPhc(STORED.toUpperCase())).isEmpty();
        assertThat(BetterAuthPasswordHash.toPhc(STORED.substring(1))).isEmpty();
        assertThat(BetterAuthPasswordHash.toPhc("bcrypt:" + STORED)).isEmpty();
    }
}
