package dev.momentum.auth.application.migration.port.in;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, on a dry run, would do).
 *
 * @param tables    per table of better-auth's, what became of its rows
 * @param conflicts one line per row not imported, with the reason
 */
public record BetterAuthImportResult(String flavour, boolean dryRun, Map<String, TableResult> tables,
                                     List<String> conflicts, long usersWithSecondFactors,
                                     long verificationRowsLeftBehind, long usersOnImportedPasswordHashes) {

    /** @param changed updated here (users, sessions extended); {@code removed}: imported sessions better-auth ended */
    public record TableResult(long read, long created, long changed, long removed, long skipped) {
    }
}
