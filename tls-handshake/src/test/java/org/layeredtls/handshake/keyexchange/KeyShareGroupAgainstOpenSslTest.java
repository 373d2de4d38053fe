package org.layeredtls.handshake.keyexchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.testing.OpenSsl;

/**
 * Each key share group against OpenSSL 3.0's own key agreement: OpenSSL generates a key pair
 * ({@code openssl genpkey}), we answer its public value as a server would ({@link KeyShareGroup#respond})
 * and, as a client, take it as the server's share ({@link ClientKeyShare#sharedSecret}); OpenSSL
 * derives the secret from our share ({@code openssl pkeyutl -derive}). The secrets must be equal,
 * byte for byte, padding included.
 */
class KeyShareGroupAgainstOpenSslTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0} (openssl genpkey {1})")
    @CsvSource({
        "X25519, -algorithm X25519",
        "SECP256R1, -algorithm EC -pkeyopt ec_paramgen_curve:P-256",
        "SECP384R1, -algorithm EC -pkeyopt ec_paramgen_curve:P-384",
        "FFDHE2048, -algorithm DH -pkeyopt group:ffdhe2048",
        "FFDHE3072, -algorithm DH -pkeyopt group:ffdhe3072",
    })
    void sharedSecretIsWhatOpenSslDerives(NamedGroup name, String genpkeyOptions) throws IOException, TlsAlertException {
        KeyShareGroup group = KeyShareGroup.of(name).orElseThrow();
        String[] generate = ("genpkey " + genpkeyOptions + " -out openssl.pem").split(" ");
        OpenSsl.ok(directory, generate);
        OpenSsl.ok(directory, "pkey", "-in", "openssl.pem", "-pubout", "-outform", "DER", "-out", "openssl-public.der");
        byte[] opensslShare = share(name, Files.readAllBytes(directory.resolve("openssl-public.der")));

        // we are the server, OpenSSL's key is the client's share
        ServerKeyShare server = group.respond(opensslShare, DeterministicRandomSource.fromLabel("server " + name));
        assertArrayEquals(opensslDerive(name, server.publicShare()), server.sharedSecret());

        // we are the client, OpenSSL's key is the server's share
        ClientKeyShare client = group.generate(DeterministicRandomSource.fromLabel("client " + name));
        assertArrayEquals(opensslDerive(name, client.publicShare()), client.sharedSecret(opensslShare));
    }

    /** {@code openssl pkeyutl -derive} with OpenSSL's private key and our share as the peer key. */
    private byte[] opensslDerive(NamedGroup name, byte[] ourShare) throws IOException {
        Files.write(directory.resolve("ours.der"), subjectPublicKeyInfo(name, ourShare));
        Path secret = directory.resolve("secret.bin");
        Files.deleteIfExists(secret);
        if (name.isEllipticCurve()) {
            OpenSsl.ok(directory, "pkeyutl", "-derive", "-inkey", "openssl.pem", "-peerkey", "ours.der",
                    "-peerform", "DER", "-out", secret.toString());
        } else {
            // dh_pad:1: Z left-padded to the size of p, as RFC 8446 §7.4.1 has it
            OpenSsl.ok(directory, "pkeyutl", "-derive", "-inkey", "openssl.pem", "-peerkey", "ours.der",
                    "-peerform", "DER", "-pkeyopt", "dh_pad:1", "-out", secret.toString());
        }
        return Files.readAllBytes(secret);
    }

    /** The key_exchange bytes of OpenSSL's public key, in the form RFC 8446 §4.2.8 gives them. */
    private static byte[] share(NamedGroup name, byte[] der) throws IOException {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
        if (name.isEllipticCurve()) {
            return info.getPublicKeyData().getBytes(); // X25519's 32 bytes, or the uncompressed point
        }
        FfdheKeyShareGroup group = (FfdheKeyShareGroup) KeyShareGroup.of(name).orElseThrow();
        BigInteger y = ASN1Integer.getInstance(info.parsePublicKey()).getValue();
        return KeyShareGroupTest.padded(y, group.primeLength());
    }

    /** Our share as a SubjectPublicKeyInfo OpenSSL reads. */
    private static byte[] subjectPublicKeyInfo(NamedGroup name, byte[] share) throws IOException {
        return switch (name) {
            case X25519 -> new SubjectPublicKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_X25519), share).getEncoded();
            case SECP256R1 -> ecInfo(SECObjectIdentifiers.secp256r1, share);
            case SECP384R1 -> ecInfo(SECObjectIdentifiers.secp384r1, share);
            case FFDHE2048, FFDHE3072 -> {
                DhGroup dh = DhGroup.valueOf(name.name());
                assertEquals((dh.p().bitLength() + 7) / 8, share.length);
                yield new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.dhKeyAgreement,
                        new DHParameter(dh.p(), dh.g(), 0)), new ASN1Integer(new BigInteger(1, share))).getEncoded();
            }
            default -> throw new IllegalArgumentException(name.rfcName());
        };
    }

    private static byte[] ecInfo(ASN1ObjectIdentifier curve, byte[] point) throws IOException {
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point).getEncoded();
    }
}
