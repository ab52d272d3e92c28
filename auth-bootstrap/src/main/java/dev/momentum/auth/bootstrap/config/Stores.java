package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.account.port.out.AccountDetails;
import dev.momentum.auth.application.admin.port.out.UserAdministration;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.oauth.port.out.SpentAssertions;
import dev.momentum.auth.application.operations.port.out.OperationalCounts;
import dev.momentum.auth.application.operations.port.out.StaleRecords;
import dev.momentum.auth.application.operations.port.out.StorageProbe;
import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.port.out.EmailOwnership;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;

/**
 * What the database keeps, as the out-ports the use cases name. The capability wirings take this,
 * not the persistence adapter, so that they see ports only; {@link AdapterWiring} alone knows which
 * adapter implements them. The audit trail and the outbox here are the adapter's own: the
 * capabilities take the counted ones, which are beans of their own.
 */
public record Stores(UserLookup userLookup, UserRegistry userRegistry, PasswordCredentials passwordCredentials,
              EmailOwnership emailOwnership, AccountDetails accountDetails, SessionRepository sessions,
              VerificationTokenRepository verificationTokens, MailOutbox mailOutbox, AuditTrail auditTrail,
              StaleRecords staleRecords, SigningKeyStore signingKeys, RateLimitStore rateLimits,
              UserAdministration userAdministration, UserChangeFeed userChanges, OperationalCounts operationalCounts,
              StorageProbe probe, TransactionRunner transactions, SecondFactors secondFactors,
              SignInChallenges signInChallenges, Passkeys passkeys, PasskeyChallenges passkeyChallenges,
              OAuthClients oauthClients, OAuthGrants oauthGrants, OAuthConsents oauthConsents,
              SpentAssertions spentAssertions, OAuthResources oauthResources) {
}
