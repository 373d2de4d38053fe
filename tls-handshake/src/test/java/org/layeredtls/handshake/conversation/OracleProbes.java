package org.layeredtls.handshake.conversation;

import static org.layeredtls.alert.AlertDescription.BAD_RECORD_MAC;
import static org.layeredtls.handshake.conversation.Reaction.fatal;
import static org.layeredtls.handshake.conversation.Reaction.finishes;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

import org.layeredtls.record.ContentType;

/**
 * The padding oracles: RSA key exchange with malformed PKCS#1 v1.5 blocks (Bleichenbacher; RFC 5246 §7.4.7.1)
 * and CBC records with a bad MAC or a bad padding (Vaudenay, Lucky 13; RFC 5246 §6.2.3.2). In each group every
 * malformed variant must get the same answer: no distinguishable reaction may exist.
 */
final class OracleProbes {

    static final String RSA = "RSA key exchange (PKCS#1 v1.5)";
    static final String CBC = "CBC padding and MAC";
    static final String RSA_GROUP = "Bleichenbacher";
    static final String CBC_GROUP = "Lucky 13";
    private static final int PREMASTER = 48;

    private OracleProbes() {
    }

    /** A full RSA handshake whose ClientKeyExchange is {@code cke}, then ChangeCipherSpec and Finished. */
    private static Probe.Script rsa(String name, ClientKeyExchangeTemplate cke) {
        return t -> Scripts.untilServerHelloDone(name, Scripts.rsaCbcHello()).send(cke).sendChangeCipherSpec()
                .send(Messages.finished());
    }

    /**
     * {@code first second PS 00 M}, k bytes: PS of nonzero bytes, the zero at {@code separatorAt(k)} (none if
     * negative), M the premaster secret's first bytes.
     */
    private static ClientKeyExchangeTemplate block(int first, int second, IntUnaryOperator separatorAt) {
        return Messages.clientKeyExchange().rsaEncryptionBlock((k, premaster) -> {
            byte[] block = new byte[k];
            Arrays.fill(block, (byte) 0x11);
            block[0] = (byte) first;
            block[1] = (byte) second;
            int separator = separatorAt.applyAsInt(k);
            if (separator >= 0) {
                block[separator] = 0;
                int length = Math.min(k - separator - 1, PREMASTER);
                System.arraycopy(premaster, 0, block, k - length, length);
            }
            return block;
        });
    }

    /** The zero byte where a message of {@code length} bytes ends the block. */
    private static IntUnaryOperator messageOf(int length) {
        return k -> k - length - 1;
    }

    private static Probe rsaProbe(String name, ClientKeyExchangeTemplate cke) {
        return Probe.same(RSA, name, rsa(name, cke), fatal(BAD_RECORD_MAC)).inGroup(RSA_GROUP);
    }

    /** A full RSA/AES-CBC handshake, then one application data record of 11 bytes rewritten by {@code tamper}. */
    private static Probe.Script cbc(String name, UnaryOperator<byte[]> tamper) {
        return t -> Scripts.fullHandshake(name, Scripts.rsaCbcHello())
                .sendRecord(ContentType.APPLICATION_DATA, "hello world".getBytes(), tamper);
    }

    private static Probe cbcProbe(String name, UnaryOperator<byte[]> tamper) {
        return Probe.same(CBC, name, cbc(name, tamper), fatal(BAD_RECORD_MAC)).inGroup(CBC_GROUP);
    }

    /** Flips one bit of the record at {@code index} (header included). */
    private static UnaryOperator<byte[]> flip(int index) {
        return record -> {
            byte[] changed = record.clone();
            changed[index] ^= 1;
            return changed;
        };
    }

    /** Drops the last {@code count} bytes of the fragment and says so in the header. */
    private static UnaryOperator<byte[]> truncate(int count) {
        return record -> {
            byte[] shorter = Arrays.copyOf(record, record.length - count);
            int length = shorter.length - 5;
            shorter[3] = (byte) (length >> 8);
            shorter[4] = (byte) length;
            return shorter;
        };
    }

    static List<Probe> all() {
        // the record: header (5) | explicit IV (16) | C1 (16) | C2 (16): 11 bytes + 20 of HMAC-SHA1 + 1 of padding
        return List.of(
                Probe.same(RSA, "a correct PKCS#1 block (the reference)", rsa("rsa reference", Messages.clientKeyExchange()),
                        finishes()),
                rsaProbe("premaster version {3,1} instead of client_version {3,3}",
                        Messages.clientKeyExchange().premasterVersion(0x0301)),
                rsaProbe("block starting 01 02 instead of 00 02", block(0x01, 0x02, messageOf(PREMASTER))),
                rsaProbe("block type 01 (signature padding) instead of 02", block(0x00, 0x01, messageOf(PREMASTER))),
                rsaProbe("no zero byte after the padding string", block(0x00, 0x02, k -> -1)),
                rsaProbe("a 47-byte premaster secret", block(0x00, 0x02, messageOf(PREMASTER - 1))),
                rsaProbe("a padding string of 4 bytes (PKCS#1 asks at least 8)", block(0x00, 0x02, k -> 6)),
                Probe.same(CBC, "a correct record (the reference): no answer",
                        cbc("cbc reference", UnaryOperator.identity()), Reaction.silence(300)),
                cbcProbe("a bit flipped in the explicit IV: bad MAC, good padding", flip(5)),
                cbcProbe("a bit flipped in the padding length: bad padding", flip(5 + 16 + 15)),
                cbcProbe("the last block dropped", truncate(16)),
                cbcProbe("a fragment that is not a whole number of blocks", truncate(1)));
    }
}
