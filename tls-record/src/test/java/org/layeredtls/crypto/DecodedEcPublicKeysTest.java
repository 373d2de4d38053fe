package org.layeredtls.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.junit.jupiter.api.Test;

/**
 * A key verified again is decoded once (the same BouncyCastle object, which keeps its precomputation), whatever
 * {@link EcPublicKey} object carries it; a point off the curve is refused and not kept; and no more than
 * {@value DecodedEcPublicKeys#CAPACITY} keys are kept.
 */
class DecodedEcPublicKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECNamedDomainParameters P256 =
            ECNamedDomainParameters.lookup(new ASN1ObjectIdentifier(NamedCurve.SECP256R1.oid()));

    private static EcPublicKey newKey() {
        return (EcPublicKey) BouncyCastlePublicKeyCrypto.INSTANCE.generateEcKeyPair(NamedCurve.SECP256R1, (out, off, len) -> {
            byte[] b = new byte[len];
            RANDOM.nextBytes(b);
            System.arraycopy(b, 0, out, off, len);
        }).publicKey();
    }

    @Test
    void aKeySeenBeforeIsDecodedOnceWhicheverObjectCarriesIt() {
        DecodedEcPublicKeys keys = new DecodedEcPublicKeys();
        EcPublicKey key = newKey();
        EcPublicKey sameKeyAgain = new EcPublicKey(key.curve(), key.encodedPoint());
        assertSame(keys.decode(key, P256), keys.decode(sameKeyAgain, P256));
        assertNotSame(keys.decode(key, P256), keys.decode(newKey(), P256));
    }

    @Test
    void aPointOffTheCurveIsRefusedAndNotKept() {
        DecodedEcPublicKeys keys = new DecodedEcPublicKeys();
        byte[] point = newKey().encodedPoint();
        point[point.length - 1] ^= 1; // y no longer matches x
        EcPublicKey offCurve = new EcPublicKey(NamedCurve.SECP256R1, point);
        assertThrows(IllegalArgumentException.class, () -> keys.decode(offCurve, P256));
        assertEquals(0, keys.size());
        assertThrows(IllegalArgumentException.class, () -> keys.decode(offCurve, P256));
    }

    @Test
    void theLeastRecentlyUsedKeysGoPastTheCapacity() {
        DecodedEcPublicKeys keys = new DecodedEcPublicKeys();
        EcPublicKey first = newKey();
        var firstDecoded = keys.decode(first, P256);
        for (int i = 0; i < DecodedEcPublicKeys.CAPACITY; i++) {
            keys.decode(newKey(), P256);
        }
        assertEquals(DecodedEcPublicKeys.CAPACITY, keys.size());
        assertNotSame(firstDecoded, keys.decode(first, P256), "the first key should have been dropped and decoded again");
    }
}
