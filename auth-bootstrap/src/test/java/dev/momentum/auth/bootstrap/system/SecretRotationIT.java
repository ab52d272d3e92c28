package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;

/**
 * Rotating AUTH_SECRET on a running deployment (ADR-0025): after a restart with the new secret and
 * the old one in AUTH_SECRET_PREVIOUS, sessions from before keep working, and the JWT signing key
 * sealed under the old secret still signs.
 */
class SecretRotationIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String OLD = "old-secret-0123456789-abcdefghijklmnop";
    private static final String NEW = "new-secret-9876543210-zyxwvutsrqponmlk";

    @Test
    void afterARestartWithTheOldSecretAsPreviousSessionsAndSigningKeysFromBeforeStillWork() throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        String bearerBefore;
        String kidBefore;
        try (RunningService before = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), "AUTH_SECRET", OLD))) {
            bearerBefore = JwtInteropIT.signedUpAndIn(before, SMTP, "rotation@example.com");
            kidBefore = OurTokens.kidOf(OurTokens.tokenFrom(before, bearerBefore));
        }

        try (RunningService rotated = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), "AUTH_SECRET", NEW, "AUTH_SECRET_PREVIOUS", OLD))) {
            rotated.client().get().uri("/api/auth/get-session").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerBefore)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.user.email").isEqualTo("rotation@example.com");
            assertThat(OurTokens.kidOf(OurTokens.tokenFrom(rotated, bearerBefore))).isEqualTo(kidBefore);
        }

        try (RunningService withoutPrevious = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), "AUTH_SECRET", NEW, "AUTH_SECRET_PREVIOUS", OLD.replace("old", "odd")))) {
            withoutPrevious.client().get().uri("/api/auth/get-session")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerBefore)
                    .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("null");
        }
    }
}
