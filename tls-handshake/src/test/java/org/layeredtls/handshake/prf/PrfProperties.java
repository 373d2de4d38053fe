package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.layeredtls.crypto.HashAlgorithm;

class PrfProperties {

    @Provide
    Arbitrary<Prf> prfs() {
        return Arbitraries.of(new Tls10Prf(), new Tls12Prf(HashAlgorithm.SHA256), new Tls12Prf(HashAlgorithm.SHA384));
    }

    @Property(tries = 300)
    void aShorterOutputIsAPrefixOfALongerOne(
            @ForAll("prfs") Prf prf, @ForAll @Size(max = 150) byte[] secret, @ForAll @AlphaChars @StringLength(max = 30) String label,
            @ForAll @Size(max = 80) byte[] seed, @ForAll @IntRange(max = 150) int shorter, @ForAll @IntRange(max = 150) int extra) {
        byte[] longer = prf.derive(secret, label, seed, shorter + extra);
        assertArrayEquals(Arrays.copyOf(longer, shorter), prf.derive(secret, label, seed, shorter));
    }

    @Property(tries = 300)
    void theSameInputsGiveTheSameOutput(
            @ForAll("prfs") Prf prf, @ForAll @Size(max = 150) byte[] secret, @ForAll @AlphaChars @StringLength(max = 30) String label,
            @ForAll @Size(max = 80) byte[] seed, @ForAll @IntRange(max = 200) int length) {
        byte[] secretBefore = secret.clone();
        byte[] seedBefore = seed.clone();
        assertArrayEquals(prf.derive(secret, label, seed, length), prf.derive(secret, label, seed, length));
        assertArrayEquals(secretBefore, secret, "the secret is left as it was");
        assertArrayEquals(seedBefore, seed, "the seed is left as it was");
    }

    @Property(tries = 300)
    void theLabelIsPartOfTheSeed(
            @ForAll("prfs") Prf prf, @ForAll @Size(max = 64) byte[] secret, @ForAll @AlphaChars @StringLength(max = 20) String label,
            @ForAll @Size(max = 40) byte[] seed, @ForAll @IntRange(max = 100) int length) {
        // RFC 5246 §5: PRF(secret, label, seed) = P_<hash>(secret, label + seed)
        byte[] labelAndSeed = PHash.labelAndSeed(label, seed);
        assertArrayEquals(prf.derive(secret, "", labelAndSeed, length), prf.derive(secret, label, seed, length));
    }
}
