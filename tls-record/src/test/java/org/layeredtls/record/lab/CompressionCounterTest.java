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
        // inner: n + 9 bytes of padding and length after the saved key block, in 64-byte blocks; outer: 1
        assertEquals(1 + 1, hmacSha1Cost(55)); // 55 + 9 = 64: one block
        assertEquals(2 + 1, hmacSha1Cost(56)); // 65: two
        assertEquals(2 + 1, hmacSha1Cost(119));
        assertEquals(3 + 1, hmacSha1Cost(120));
    }

    @Test
    void resetCostsTheBlocksAlreadyFilled() {
        CompressionCounter counter = new CompressionCounter(CryptoProvider.defaultProvider());
        Mac mac = counter.hmac(HashAlgorithm.SHA1, new byte[20]);
        mac.update(new byte[127], 0, 127); // one full block, 63 bytes left in the buffer
        mac.reset();
        assertEquals(1, counter.compressions());
        counter.restart();
        assertEquals(0, counter.compressions());
    }
}
