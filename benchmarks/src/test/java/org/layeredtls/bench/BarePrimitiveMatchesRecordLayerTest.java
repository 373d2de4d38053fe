package org.layeredtls.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordProtection;
import org.layeredtls.record.TrafficKeys;

/** The baseline must do exactly the record layer's work, or the ratio means nothing: same bytes out. */
class BarePrimitiveMatchesRecordLayerTest {

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void theBarePrimitiveSealsTheSameBytesAsTheRecordLayerAndOpensThem(Scheme scheme) throws Exception {
        RandomSource setup = DeterministicRandomSource.fromLabel("test keys");
        var bulk = scheme.spec.bulkCipher();
        int ivLength = scheme.version.hasExplicitIv() && bulk.blockLength() > 0 ? 0 : bulk.fixedIvLength();
        TrafficKeys keys = new TrafficKeys(setup.nextBytes(scheme.spec.mac().macLength()),
                setup.nextBytes(bulk.keyLength()), setup.nextBytes(ivLength));
        RecordProtection record = RecordProtection.create(scheme.version, scheme.spec, keys, true,
                CryptoProvider.defaultProvider(), DeterministicRandomSource.fromLabel("ivs"));
        BarePrimitive bare = BarePrimitive.create(scheme, keys.macKey(), keys.encryptionKey(), keys.fixedIv(),
                DeterministicRandomSource.fromLabel("ivs"));
        BarePrimitive bareOpener = BarePrimitive.create(scheme, keys.macKey(), keys.encryptionKey(), keys.fixedIv(),
                DeterministicRandomSource.fromLabel("ivs"));
        for (int seq = 0; seq < 3; seq++) {
            byte[] plaintext = setup.nextBytes(1000 + seq);
            byte[] fromRecord = new byte[4096];
            byte[] fromBare = new byte[4096];
            int n = record.seal(seq, ContentType.APPLICATION_DATA, scheme.version, plaintext, 0, plaintext.length, fromRecord, 0);
            int m = bare.seal(seq, plaintext, plaintext.length, fromBare);
            assertArrayEquals(Arrays.copyOf(fromRecord, n), Arrays.copyOf(fromBare, m), scheme + " record " + seq);
            byte[] opened = new byte[4096];
            assertEquals(plaintext.length, bareOpener.open(seq, fromRecord, n, opened));
            assertArrayEquals(plaintext, Arrays.copyOf(opened, plaintext.length));
        }
    }
}
