package dev.momentum.auth.application.support.port.out;

/**
 * Authenticated encryption for secrets the service must keep readable (queued mail with its
 * links, private signing keys), under a key derived from the service secret.
 */
public interface SecretSealer {

    /** @param context bound to the result: a sealed value moved to another context does not open */
    String seal(String context, byte[] plaintext);

    /** @throws IllegalStateException when sealed under another secret, in another context, or altered */
    byte[] open(String context, String sealed);
}
