package org.layeredtls.record.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;

class CompressionCounterTest {

    private static long hmacSha1Cost(int messageLength) {
        CompressionCounter counter = new CompressionCounter(CryptoProvider.defaultProvider());
        Mac mac = counter.hmac(HashAlgorithm.SHA1, new byte[20]);
        mac.update(new byte[messageLength], 0, messageLength);
        mac.doFinal(new byte[20], 0);
        return counter.compressions();
    }

    @Test
    void hmacSha1CostsOneMoreCallWhenTheMessagePassesFiftyFiveBytesInItsLastBlock() {
        // inner: 64 (K xor ipad) + n + 9 bytes of padding and length, in 64-byte blocks; outer: 2
        assertEquals(2 + 2, hmacSha1Cost(55)); // 64 + 55 + 9 = 128: two blocks
        assertEquals(3 + 2, hmacSha1Cost(56)); // 129: three
        assertEquals(3 + 2, hmacSha1Cost(119));
        assertEquals(4 + 2, hmacSha1Cost(120));
    }

    @Test
    void resetCostsTheBlocksAlreadyFilled() {
        CompressionCounter counter = new CompressionCounter(CryptoProvider.defaultProvider());
        Mac mac = counter.hmac(HashAlgorithm.SHA1, new byte[20]);
        mac.update(new byte[127], 0, 127); // 64 + 127 = 191 bytes: two full blocks
        mac.reset();
        assertEquals(2, counter.compressions());
        counter.restart();
        assertEquals(0, counter.compressions());
    }
}
