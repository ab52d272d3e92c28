package dev.momentum.auth.adapter.web.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.momentum.auth.domain.signing.PublicJwk;
import dev.momentum.auth.domain.signing.PublishedKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwkSetsTest {

    @Test
    void jsonOfWhenKeysThenAJwksDocumentThatNimbusReadsBackWithTheSameKeys() throws Exception {
        ECKey first = key("first");
        ECKey second = key("second");
        var keys = new PublishedKeys(List.of(new PublicJwk(first.toPublicJWK().toJSONString()),
                new PublicJwk(second.toPublicJWK().toJSONString())));

        JWKSet served = JWKSet.parse(new JwkSets().jsonOf(keys));

        assertThat(served.getKeys()).extracting(jwk -> jwk.getKeyID()).containsExactly("first", "second");
        assertThat(served.getKeyByKeyId("first")).isEqualTo(first.toPublicJWK());
    }

    @Test
    void jsonOfWhenAKeyCarriesItsPrivatePartThenOnlyThePublicOneIsServed() throws Exception {
        ECKey pair = key("leaky");

        String served = new JwkSets().jsonOf(new PublishedKeys(List.of(new PublicJwk(pair.toJSONString()))));

        assertThat(served).contains("\"kid\":\"leaky\"").doesNotContain(pair.getD().toString());
    }

    @Test
    void keysOfWhenTheSetChangesThenTheNewKeysAndNotTheLastOnes() throws Exception {
        var sets = new JwkSets();
        var before = new PublishedKeys(List.of(new PublicJwk(key("old").toPublicJWK().toJSONString())));
        var after = new PublishedKeys(List.of(new PublicJwk(key("new").toPublicJWK().toJSONString())));

        assertThat(sets.keysOf(before)).extracting(jwk -> jwk.getKeyID()).containsExactly("old");
        assertThat(sets.keysOf(after)).extracting(jwk -> jwk.getKeyID()).containsExactly("new");
    }

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    }
}
