package org.layeredtls.handshake.relay;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.KeyBlock;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.RecordProtection;

/**
 * What an onlooker with the master secret (a key log line) needs to open a connection's records,
 * as Wireshark does: the two hellos say the version, the suite and encrypt_then_mac; the key
 * schedule cuts the key block (RFC 5246 §6.3); each direction's keys open its records.
 * The relay uses it, and so do the tests that decrypt recorded OpenSSL conversations.
 */
public final class ReadingKeys {

    private ReadingKeys() {
    }

    /** The record cipher the ServerHello chose: its suite's, with encrypt_then_mac when it was agreed (RFC 7366 §3: block ciphers only). */
    public static CipherSpec negotiatedSpec(ServerHello serverHello) {
        CipherSpec base = suite(serverHello).cipherSpec();
        boolean etm = base.type() == CipherType.BLOCK
                && serverHello.extensionsOrEmpty().contains(ExtensionType.ENCRYPT_THEN_MAC);
        return etm ? new CipherSpec(base.bulkCipher(), base.mac(), true) : base;
    }

    /** The key schedule of the version and suite the ServerHello chose. */
    public static KeySchedule keySchedule(ServerHello serverHello) {
        return KeySchedule.of(serverHello.serverVersion(), suite(serverHello).prfHash());
    }

    /**
     * The protection that opens the records one side writes after its ChangeCipherSpec.
     *
     * @param clientWrites true for the client's records (client_write keys), false for the server's
     */
    public static RecordProtection forReading(ClientHello clientHello, ServerHello serverHello, byte[] masterSecret,
                                              boolean clientWrites) {
        CipherSpec spec = negotiatedSpec(serverHello);
        KeyBlock block = keySchedule(serverHello).keyBlock(masterSecret, clientHello.random(), serverHello.random(), spec);
        return RecordProtection.create(serverHello.serverVersion(), spec, clientWrites ? block.clientWrite() : block.serverWrite(),
                false, CryptoProvider.defaultProvider(), DeterministicRandomSource.fromLabel("never used to open"));
    }

    private static CipherSuite suite(ServerHello serverHello) {
        return serverHello.knownCipherSuite().orElseThrow(
                () -> new IllegalArgumentException("a suite this stack does not know: 0x" + Integer.toHexString(serverHello.cipherSuite())));
    }
}
