package dev.momentum.auth.adapter.web.signing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.momentum.auth.domain.signing.PublicJwk;
import dev.momentum.auth.domain.signing.PublishedKeys;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A set of our public keys as Nimbus reads and writes it, parsed and written once per version of
 * the set: the keys change a few times a day, the JWKS is asked for on every verifier's start.
 */
public final class JwkSets {

    private final AtomicReference<Parsed> last = new AtomicReference<>(parse(new PublishedKeys(List.of())));

    public List<JWK> keysOf(PublishedKeys keys) {
        return parsed(keys).set().getKeys();
    }

    /** The JWKS document, {@code {"keys":[…]}}, with public members only. */
    public String jsonOf(PublishedKeys keys) {
        return parsed(keys).json();
    }

    private Parsed parsed(PublishedKeys keys) {
        Parsed seen = last.get();
        if (seen.keys().equals(keys)) {
            return seen;
        }
        Parsed fresh = parse(keys);
        last.set(fresh);
        return fresh;
    }

    private static Parsed parse(PublishedKeys keys) {
        List<JWK> parsed = new ArrayList<>(keys.keys().size());
        for (PublicJwk key : keys.keys()) {
            try {
                parsed.add(JWK.parse(key.json()));
            } catch (ParseException broken) {
                throw new IllegalStateException("a published key does not parse as a JWK", broken);
            }
        }
        JWKSet set = new JWKSet(parsed);
        return new Parsed(keys, set, set.toString(true));
    }

    private record Parsed(PublishedKeys keys, JWKSet set, String json) {
    }
}
