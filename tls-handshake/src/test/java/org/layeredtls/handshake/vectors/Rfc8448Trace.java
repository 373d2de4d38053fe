package org.layeredtls.handshake.vectors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.layeredtls.crypto.RsaPrivateKey;
import org.layeredtls.handshake.cert.Certificate;

/**
 * The records of RFC 8448 ("Example Handshake Traces for TLS 1.3") as each side puts them on the wire, and the
 * keys its sides use, for replaying the traces whole through our state machines. Handshake messages in clear
 * come from the message codecs' resources (message/rfc8448/*.hex); the protected records, the server's RSA key
 * (§2) and the ephemeral keys are here. Test vectors are facts: they were read from the RFC's text as kept in
 * public test suites, and each protected record is checked when our side decrypts it or writes it.
 */
final class Rfc8448Trace {

    private static final HexFormat HEX = HexFormat.of();
    /** RFC 8446 §5.1: a record's header is its type, legacy_record_version and length. */
    private static final int RECORD_HEADER = 5;
    private static final int HANDSHAKE = 22;

    private Rfc8448Trace() {
    }

    // ---------------------------------------------------------------- RFC 8448 §2: the server's RSA key

    /** RFC 8448 §2: modulus. */
    private static final byte[] RSA_MODULUS = hex(""
            + "b4bb498f8279303d980836399b36c6988c0c68de55e1bdb826d3901a2461eafd2de49a91d015abbc9a95137ace6c1af19eaa"
            + "6af98c7ced43120998e187a80ee0ccb0524b1b018c3e0b63264d449a6d38e22a5fda430846748030530ef0461c8ca9d9efbf"
            + "ae8ea6d1d03e2bd193eff0ab9a8002c47428a6d35a8d88d79f7f1e3f");
    /** RFC 8448 §2: private exponent. */
    private static final byte[] RSA_PRIVATE_EXPONENT = hex(""
            + "04dea705d43a6ea7209dd8072111a83c81e322a59278b33480641eaf7c0a6985b8e31c44f6de62e1b4c2309f6126e77b7c41"
            + "e923314bbfa3881305dc1217f16c819ce538e922f369828d0e57195d8c8488460207b2faa726bcf708bbd7db7f679f893492"
            + "fc2a622e08970aac441ce4e0c3088df25ae679233df8a3bda2ff9941");
    private static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

    // ---------------------------------------------------------------- RFC 8448 §3: Simple 1-RTT Handshake

    /** RFC 8448 §3: {client} send handshake record (Finished), protected with the client handshake traffic key. */
    static final byte[] S3_CLIENT_FINISHED_RECORD = hex(""
            + "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384bd1caeac"
            + "ab6867d726c40546");
    /** RFC 8448 §3: {server} send handshake record: EncryptedExtensions, Certificate, CertificateVerify and Finished in one record. */
    static final byte[] S3_SERVER_FLIGHT_RECORD = hex(""
            + "17030302a2d1ff334a56f5bff6594a07cc87b580233f500f45e489e7f33af35edf7869fcf40aa40aa2b8ea73f848a7ca0761"
            + "2ef9f945cb960b4068905123ea78b111b429ba9191cd05d2a389280f526134aadc7fc78c4b729df828b5ecf7b13bd9aefb0e"
            + "57f271585b8ea9bb355c7c79020716cfb9b1183ef3ab20e37d57a6b9d7477609aee6e122a4cf51427325250c7d0e50928944"
            + "4c9b3a648f1d71035d2ed65b0e3cdd0cbae8bf2d0b227812cbb360987255cc744110c453baa4fcd610928d809810e4b7ed1a"
            + "8fd991f06aa6248204797e36a6a73b70a2559c09ead686945ba246ab66e5edd8044b4c6de3fcf2a89441ac66272fd8fb330e"
            + "f8190579b3684596c960bd596eea520a56a8d650f563aad27409960dca63d3e688611ea5e22f4415cf9538d51a200c270342"
            + "72968a264ed6540c84838d89f72c24461aad6d26f59ecaba9acbbb317b66d902f4f292a36ac1b639c637ce343117b6596222"
            + "45317b49eeda0c6258f100d7d961ffb138647e92ea330faeea6dfa31c7a84dc3bd7e1b7a6c7178af36879018e3f252107f24"
            + "3d243dc7339d5684c8b0378bf30244da8c87c843f5e56eb4c5e8280a2b48052cf93b16499a66db7cca71e4599426f7d461e6"
            + "6f99882bd89fc50800becca62d6c74116dbd2972fda1fa80f85df881edbe5a37668936b335583b599186dc5c6918a396fa48"
            + "a181d6b6fa4f9d62d513afbb992f2b992f67f8afe67f76913fa388cb5630c8ca01e0c65d11c66a1e2ac4c85977b7c7a6999b"
            + "bf10dc35ae69f5515614636c0b9b68c19ed2e31c0b3b66763038ebba42f3b38edc0399f3a9f23faa63978c317fc9fa66a73f"
            + "60f0504de93b5b845e275592c12335ee340bbc4fddd502784016e4b3be7ef04dda49f4b440a30cb5d2af939828fd4ae3794e"
            + "44f94df5a631ede42c1719bfdabf0253fe5175be898e750edc53370d2b");
    /** RFC 8448 §3: {server} send handshake record (NewSessionTicket), the first under the server application key. */
    static final byte[] S3_NEW_SESSION_TICKET_RECORD = hex(""
            + "17030300de3a6b8f90414a97d6959c3487680de5134a2b240e6cffac116e95d41d6af8f6b580dcf3d11d63c758db289a0159"
            + "40252f55713e061dc13e078891a38efbcf5753ad8ef170ad3c7353d16d9da773b9ca7f2b9fa1b6c0d4a3d03f75e09c30ba1e"
            + "62972ac46f75f7b981be63439b2999ce13064615139891d5e4c5b406f16e3fc181a77ca475840025db2f0a77f81b5ab05b94"
            + "c01346755f69232c86519d86cbeeac87aac347d143f9605d64f650db4d023e70e952ca49fe5137121c74bc2697687e248746"
            + "d6df353005f3bce18696129c8153556b3b6c6779b37bf15985684f");
    /** RFC 8448 §3: {client} send application_data record (00 01 .. 31). */
    static final byte[] S3_CLIENT_APPLICATION_DATA_RECORD = hex(""
            + "1703030043a23f7054b62c94d0affafe8228ba55cbefacea42f914aa66bcab3f2b9819a8a5b46b395bd54a9a20441e2b6297"
            + "4e1f5a6292a2977014bd1e3deae63aeebb21694915e4");
    /** RFC 8448 §3: {server} send application_data record (00 01 .. 31). */
    static final byte[] S3_SERVER_APPLICATION_DATA_RECORD = hex(""
            + "17030300432e937e11ef4ac740e538ad36005fc4a46932fc3225d05f82aa1b36e30efaf97d90e6dffc602dcb501a59a8fcc4"
            + "9c4bf2e5f0a21c0047c2abf332540dd032e167c2955d");
    /** RFC 8448 §3: {client} send alert record (close_notify). */
    static final byte[] S3_CLIENT_CLOSE_NOTIFY_RECORD = hex("1703030013c9872760655666b74d7ff1153efd6db6d0b0e3");
    /** RFC 8448 §3: {server} send alert record (close_notify). */
    static final byte[] S3_SERVER_CLOSE_NOTIFY_RECORD = hex("1703030013b58fd67166ebf599d24720cfbe7efa7a8864a9");

    // ---------------------------------------------------------------- helpers

    /** An RFC 8448 handshake message as the message codecs' tests keep it (message/rfc8448/NAME.hex), header included. */
    static byte[] message(String name) {
        try (InputStream in = Rfc8448Trace.class.getResourceAsStream("/org/layeredtls/handshake/message/rfc8448/" + name + ".hex")) {
            return hex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a record carries: its fragment (a message, for a handshake record in clear). */
    static byte[] fragment(byte[] record) {
        return Arrays.copyOfRange(record, RECORD_HEADER, record.length);
    }

    /** A handshake message's body, without its 4-byte header. */
    static byte[] body(byte[] message) {
        return Arrays.copyOfRange(message, 4, message.length);
    }

    /** The 32-byte random of a ClientHello or ServerHello message (after the header and legacy_version). */
    static byte[] random(byte[] hello) {
        return Arrays.copyOfRange(hello, 4 + 2, 4 + 2 + 32);
    }

    /**
     * A handshake record in clear holding {@code message}: legacy_record_version {3,1} for a first ClientHello,
     * {3,3} otherwise (RFC 8446 §5.1).
     */
    static byte[] clearRecord(byte[] message, boolean firstClientHello) {
        byte[] record = new byte[RECORD_HEADER + message.length];
        record[0] = HANDSHAKE;
        record[1] = 3;
        record[2] = (byte) (firstClientHello ? 1 : 3);
        record[3] = (byte) (message.length >> 8);
        record[4] = (byte) message.length;
        System.arraycopy(message, 0, record, RECORD_HEADER, message.length);
        return record;
    }

    /** The records one side writes, one after the other, as a TCP stream carries them. */
    static byte[] stream(byte[]... records) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] record : records) {
            all.writeBytes(record);
        }
        return all.toByteArray();
    }

    /** RFC 8448 §3: the 50 bytes of application data each side sends, 00 01 02 .. 31. */
    static byte[] applicationData() {
        byte[] data = new byte[50];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    /** RFC 8448 §3: the server's certificate (CN "rsa", RSA-1024, valid 2016-07-30 to 2026-07-30), from its Certificate message. */
    static Certificate serverCertificate() {
        return certificateOf(message("simple-certificate"));
    }

    /** The leaf of a TLS 1.3 Certificate message with an empty certificate_request_context (RFC 8446 §4.4.2). */
    static Certificate certificateOf(byte[] certificateMessage) {
        int length = ((certificateMessage[8] & 0xFF) << 16) | ((certificateMessage[9] & 0xFF) << 8) | (certificateMessage[10] & 0xFF);
        try { // header (4), certificate_request_context (1), certificate_list length (3), cert_data length (3)
            return Certificate.parse(Arrays.copyOfRange(certificateMessage, 11, 11 + length));
        } catch (org.layeredtls.handshake.cert.CertificateParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RFC 8448 §2: the server's RSA key. The RFC gives n, e and d; the primes follow from them (RFC 8017 has the
     * key in its Chinese-remainder form), found by the classic method: d*e - 1 = 2^s * t, and for a base g a
     * square root of 1 other than +-1 among g^t, g^2t, .. gives a factor of n.
     */
    static RsaPrivateKey serverRsaKey() {
        BigInteger n = new BigInteger(1, RSA_MODULUS);
        BigInteger d = new BigInteger(1, RSA_PRIVATE_EXPONENT);
        BigInteger e = RSA_PUBLIC_EXPONENT;
        BigInteger k = d.multiply(e).subtract(BigInteger.ONE);
        int s = k.getLowestSetBit();
        BigInteger t = k.shiftRight(s);
        BigInteger minusOne = n.subtract(BigInteger.ONE);
        for (int g = 2; ; g++) {
            BigInteger x = BigInteger.valueOf(g).modPow(t, n);
            for (int i = 0; i < s; i++) {
                BigInteger y = x.multiply(x).mod(n);
                if (y.equals(BigInteger.ONE) && !x.equals(BigInteger.ONE) && !x.equals(minusOne)) {
                    BigInteger p = x.subtract(BigInteger.ONE).gcd(n);
                    BigInteger q = n.divide(p);
                    return new RsaPrivateKey(n, e, d, p, q, d.mod(p.subtract(BigInteger.ONE)),
                            d.mod(q.subtract(BigInteger.ONE)), q.modInverse(p));
                }
                x = y;
            }
        }
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }
}
