package dev.momentum.auth.application.twofactor.port.in;

import java.util.List;
import java.util.Objects;

/** What the user scans and writes down; the factor counts once a first code of it is verified. */
public record TotpEnrolmentResult(String totpUri, List<String> backupCodes) {

    public TotpEnrolmentResult {
        Objects.requireNonNull(totpUri, "totpUri cannot be null");
        backupCodes = List.copyOf(backupCodes);
    }

    @Override
    public String toString() {
        return "TotpEnrolmentResult[secret and codes hidden]";
    }
}
