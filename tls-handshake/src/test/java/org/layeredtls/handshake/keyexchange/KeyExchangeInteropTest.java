package org.layeredtls.handshake.keyexchange;

import org.layeredtls.handshake.testing.OpenSsl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.layeredtls.crypto.EcPublicKey;
import org.layeredtls.crypto.NamedCurve;
import org.layeredtls.handshake.cert.Pem;
import org.layeredtls.handshake.extension.NamedGroup;

/**
 * The key exchanges against the openssl CLI: openssl makes one key pair, we make the other, each
 * side derives with the other's public value ({@code openssl pkeyutl -derive}), and the secrets
 * must be equal. The RFC 7919 primes are compared with the ones openssl knows by name.
 */
class KeyExchangeInteropTest {

    private static final ASN1ObjectIdentifier X25519_OID = new ASN1ObjectIdentifier("1.3.101.110");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DhGroup.class)
    void rfc7919PrimesMatchOpenSsl(DhGroup group) throws Exception {
        String name = group.namedGroup().rfcName();
        OpenSsl.ok(dir, "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:" + name, "-out", "params.pem");
        // PKCS #3 DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER, ... }
        byte[] der = Pem.decode(Files.readString(dir.resolve("params.pem"))).get(0).der();
        ASN1Sequence dhParameter = ASN1Sequence.getInstance(der);
        assertEquals(group.p(), ASN1Integer.getInstance(dhParameter.getObjectAt(0)).getValue());
        assertEquals(group.g(), ASN1Integer.getInstance(dhParameter.getObjectAt(1)).getValue());
        // and openssl names the group when shown the parameters: they are exactly its ffdhe group
        String text = OpenSsl.ok(dir, "pkeyparam", "-in", "params.pem", "-text", "-noout");
        org.junit.jupiter.api.Assertions.assertTrue(text.contains("GROUP: " + name), text);
        assertEquals(group.p().subtract(BigInteger.ONE).shiftRight(1), group.q());
        org.junit.jupiter.api.Assertions.assertTrue(group.q().isProbablePrime(32), "RFC 7919: q is prime");
    }

    @Test
    void dheFfdhe2048AgreesWithOpenSslDerive() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "theirs.key");
        OpenSsl.ok(dir, "pkey", "-in", "theirs.key", "-pubout", "-outform", "DER", "-out", "theirs.der");
        SubjectPublicKeyInfo theirs = SubjectPublicKeyInfo.getInstance(Files.readAllBytes(dir.resolve("theirs.der")));
        BigInteger theirY = ASN1Integer.getInstance(theirs.parsePublicKey()).getValue();

        DheKeyExchange ours = DheKeyExchange.generate(DhGroup.FFDHE2048, OpenSsl.RANDOM);
        byte[] ourSecret = ours.computePremaster(DheKeyExchange.unsigned(theirY));
        // our Yc in their SubjectPublicKeyInfo (same algorithm identifier and parameters)
        SubjectPublicKeyInfo ourInfo = new SubjectPublicKeyInfo(theirs.getAlgorithm(),
                new ASN1Integer(new BigInteger(1, ours.publicValue())));
        byte[] theirSecret = derive(ourInfo.getEncoded("DER"));
        assertArrayEquals(strip(theirSecret), ourSecret);
    }

    @Test
    void ecdheP256AgreesWithOpenSslDerive() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "theirs.key");
        OpenSsl.ok(dir, "pkey", "-in", "theirs.key", "-pubout", "-out", "theirs.pub");
        EcPublicKey theirs = (EcPublicKey) Pem.readPublicKey(Files.readAllBytes(dir.resolve("theirs.pub")));

        EcdheKeyExchange ours = EcdheKeyExchange.generate(NamedGroup.SECP256R1, OpenSsl.RANDOM);
        byte[] ourSecret = ours.computePremaster(theirs.encodedPoint());
        Files.writeString(dir.resolve("ours.pub"),
                Pem.encodePublicKey(new EcPublicKey(NamedCurve.SECP256R1, ours.publicValue())), StandardCharsets.US_ASCII);
        byte[] theirSecret = deriveWith("ours.pub");
        assertEquals(32, theirSecret.length);
        assertArrayEquals(theirSecret, ourSecret);
    }

    @Test
    void x25519AgreesWithOpenSslDerive() throws Exception {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "X25519", "-out", "theirs.key");
        OpenSsl.ok(dir, "pkey", "-in", "theirs.key", "-pubout", "-outform", "DER", "-out", "theirs.der");
        SubjectPublicKeyInfo theirs = SubjectPublicKeyInfo.getInstance(Files.readAllBytes(dir.resolve("theirs.der")));
        assertEquals(X25519_OID, theirs.getAlgorithm().getAlgorithm());

        EcdheKeyExchange ours = EcdheKeyExchange.generate(NamedGroup.X25519, OpenSsl.RANDOM);
        byte[] ourSecret = ours.computePremaster(theirs.getPublicKeyData().getBytes());
        byte[] theirSecret = derive(new SubjectPublicKeyInfo(new AlgorithmIdentifier(X25519_OID), ours.publicValue())
                .getEncoded("DER"));
        assertArrayEquals(theirSecret, ourSecret);
    }

    /** openssl's secret from its key and our public key (a DER SubjectPublicKeyInfo). */
    private byte[] derive(byte[] ourSpki) throws Exception {
        Files.writeString(dir.resolve("ours.pub"), Pem.encode(Pem.PUBLIC_KEY, ourSpki), StandardCharsets.US_ASCII);
        return deriveWith("ours.pub");
    }

    private byte[] deriveWith(String ourPublicKeyFile) throws Exception {
        OpenSsl.ok(dir, "pkeyutl", "-derive", "-inkey", "theirs.key", "-peerkey", ourPublicKeyFile, "-out", "secret.bin");
        return Files.readAllBytes(dir.resolve("secret.bin"));
    }

    private static byte[] strip(byte[] secret) {
        int i = 0;
        while (i < secret.length - 1 && secret[i] == 0) {
            i++;
        }
        return java.util.Arrays.copyOfRange(secret, i, secret.length);
    }

}
