package org.layeredtls.handshake.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.layeredtls.handshake.testing.CodecAssertions.assertHandshakeAlert;
import static org.layeredtls.handshake.testing.CodecAssertions.hex;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.record.ProtocolVersion;

/** The TLS 1.3 extensions (RFC 8446 §4.2): their wire forms, and the alert each malformed body gets. */
class Tls13ExtensionTest {

    /** RFC 8448 §3: the client's x25519 public key. */
    private static final String X25519_SHARE = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c";

    @Test
    void supportedVersionsOfRfc8448ClientHelloListsTls13Only() throws TlsAlertException {
        SupportedVersions.ClientHello offered = SupportedVersions.decodeClientHello(hex("020304"));
        assertEquals(List.of(ProtocolVersion.TLS1_3), offered.versions());
        assertTrue(offered.offers(ProtocolVersion.TLS1_3));
        assertArrayEquals(hex("020304"), SupportedVersions.of(ProtocolVersion.TLS1_3).encode());
    }

    @Test
    void supportedVersionsKeepsVersionsThisStackDoesNotSpeak() throws TlsAlertException {
        SupportedVersions.ClientHello offered = SupportedVersions.decodeClientHello(hex("06fafa03040303"));
        assertEquals(List.of(ProtocolVersion.fromCode(0xFAFA), ProtocolVersion.TLS1_3, ProtocolVersion.TLS1_2),
                offered.versions());
        assertArrayEquals(hex("06fafa03040303"), offered.encode());
    }

    @Test
    void supportedVersionsOfServerHelloIsTheSelectedVersion() throws TlsAlertException {
        assertEquals(SupportedVersions.selected(ProtocolVersion.TLS1_3), SupportedVersions.decodeServerHello(hex("0304")));
        assertArrayEquals(hex("0304"), SupportedVersions.selected(ProtocolVersion.TLS1_3).encode());
    }

    @Test
    void malformedSupportedVersionsAreDecodeErrors() {
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeClientHello(hex("00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeClientHello(hex("03030403")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeClientHello(hex("02030400")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeClientHello(hex("040304")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeServerHello(hex("03")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SupportedVersions.decodeServerHello(hex("030400")));
    }

    @Test
    void keyShareOfRfc8448ClientHelloHoldsOneX25519Share() throws TlsAlertException {
        byte[] data = hex("0024001d0020" + X25519_SHARE);
        KeyShare.ClientHello shares = KeyShare.decodeClientHello(data);
        assertEquals(1, shares.clientShares().size());
        KeyShareEntry entry = shares.shareFor(NamedGroup.X25519).orElseThrow();
        assertEquals(Optional.of(NamedGroup.X25519), entry.knownGroup());
        assertArrayEquals(hex(X25519_SHARE), entry.keyExchange());
        assertArrayEquals(data, new KeyShare.ClientHello(List.of(new KeyShareEntry(NamedGroup.X25519, hex(X25519_SHARE)))).encode());
    }

    @Test
    void keyShareMayBeEmptyAndKeepsSharesOfUnknownGroups() throws TlsAlertException {
        assertEquals(List.of(), KeyShare.decodeClientHello(hex("0000")).clientShares());
        KeyShare.ClientHello withGrease = KeyShare.decodeClientHello(hex("0005" + "2a2a000100"));
        assertEquals(0x2A2A, withGrease.clientShares().get(0).group());
        assertEquals(Optional.empty(), withGrease.clientShares().get(0).knownGroup());
        assertEquals(Optional.empty(), withGrease.shareFor(NamedGroup.X25519));
    }

    @Test
    void twoKeySharesForOneGroupAreIllegalParameter() {
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> KeyShare.decodeClientHello(hex("000a" + "001d000101" + "001d000102")));
    }

    @Test
    void malformedKeySharesAreDecodeErrors() {
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeClientHello(hex("0004001d0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeClientHello(hex("0006001d000401")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeClientHello(hex("0005001d00010100")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeServerHello(hex("001d000101ff")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeServerHello(hex("001d")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> KeyShare.decodeHelloRetryRequest(hex("001d00")));
    }

    @Test
    void keyShareOfServerHelloIsOneEntry() throws TlsAlertException {
        byte[] data = hex("001d0020" + X25519_SHARE);
        KeyShare.ServerHello share = KeyShare.decodeServerHello(data);
        assertTrue(share.serverShare().isFor(NamedGroup.X25519));
        assertArrayEquals(data, share.encode());
    }

    @Test
    void keyShareOfHelloRetryRequestNamesTheSelectedGroup() throws TlsAlertException {
        assertEquals(new KeyShare.HelloRetryRequest(NamedGroup.SECP256R1), KeyShare.decodeHelloRetryRequest(hex("0017")));
        assertArrayEquals(hex("0017"), new KeyShare.HelloRetryRequest(NamedGroup.SECP256R1).encode());
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> KeyShare.decodeHelloRetryRequest(hex("2a2a")));
    }

    @Test
    void signatureAlgorithmsCertIsTheSignatureAlgorithmsList() throws TlsAlertException {
        byte[] data = hex("000404030804");
        SignatureAlgorithmsCert cert = SignatureAlgorithmsCert.decode(data);
        assertEquals(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256), cert.knownSchemes());
        assertArrayEquals(data, cert.encode());
        assertEquals(ExtensionType.SIGNATURE_ALGORITHMS_CERT, cert.type());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SignatureAlgorithmsCert.decode(hex("0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SignatureAlgorithmsCert.decode(hex("000304030804")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> SignatureAlgorithmsCert.decode(hex("00020403ff")));
    }

    @Test
    void cookieIsOneOpaqueVectorOfAtLeastOneByte() throws TlsAlertException {
        assertArrayEquals(hex("0203"), Cookie.decode(hex("00020203")).cookie());
        assertArrayEquals(hex("00020203"), new Cookie(hex("0203")).encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Cookie.decode(hex("0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Cookie.decode(hex("0002ff")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> Cookie.decode(hex("0001ffff")));
    }

    @Test
    void pskKeyExchangeModesOfRfc8448ClientHelloIsPskDheKe() throws TlsAlertException {
        PskKeyExchangeModes modes = PskKeyExchangeModes.decode(hex("0101"));
        assertEquals(List.of(PskKeyExchangeMode.PSK_DHE_KE), modes.knownModes());
        assertTrue(modes.allows(PskKeyExchangeMode.PSK_DHE_KE));
        assertFalse(modes.allows(PskKeyExchangeMode.PSK_KE));
        assertArrayEquals(hex("020001"), PskKeyExchangeModes.of(PskKeyExchangeMode.PSK_KE, PskKeyExchangeMode.PSK_DHE_KE).encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PskKeyExchangeModes.decode(hex("00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PskKeyExchangeModes.decode(hex("0201")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PskKeyExchangeModes.decode(hex("010100")));
    }

    @Test
    void extensionTypeKnowsTheMessagesOfRfc8446Table() {
        assertEquals(EnumSet.of(ExtensionMessage.CLIENT_HELLO, ExtensionMessage.SERVER_HELLO, ExtensionMessage.HELLO_RETRY_REQUEST),
                ExtensionType.KEY_SHARE.tls13Messages());
        assertTrue(ExtensionType.EARLY_DATA.mayAppearIn(ExtensionMessage.NEW_SESSION_TICKET));
        assertTrue(ExtensionType.COOKIE.mayAppearIn(ExtensionMessage.HELLO_RETRY_REQUEST));
        assertFalse(ExtensionType.COOKIE.mayAppearIn(ExtensionMessage.SERVER_HELLO));
        assertTrue(ExtensionType.SIGNATURE_ALGORITHMS.mayAppearIn(ExtensionMessage.CERTIFICATE_REQUEST));
        assertFalse(ExtensionType.SUPPORTED_GROUPS.mayAppearIn(ExtensionMessage.SERVER_HELLO), "RFC 8446: supported_groups is CH, EE");
        assertEquals(EnumSet.of(ExtensionMessage.CLIENT_HELLO), ExtensionType.EXTENDED_MASTER_SECRET.tls13Messages(),
                "a TLS 1.2 extension may come in a ClientHello that also offers 1.2, nowhere else in 1.3");
        for (ExtensionType type : ExtensionType.values()) {
            assertTrue(type.mayAppearIn(ExtensionMessage.CLIENT_HELLO), type + " can be in a ClientHello");
        }
    }

    @Test
    void aRecognisedExtensionInTheWrongMessageIsIllegalParameter() throws TlsAlertException {
        Extensions encrypted = Extensions.of(new ServerName(List.of()), EarlyData.indication());
        encrypted.requireAllowedIn(ExtensionMessage.ENCRYPTED_EXTENSIONS);
        Extensions withKeyShare = Extensions.of(new KeyShare.HelloRetryRequest(NamedGroup.X25519));
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> withKeyShare.requireAllowedIn(ExtensionMessage.ENCRYPTED_EXTENSIONS));
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> Extensions.of(new ExtendedMasterSecret())
                .requireAllowedIn(ExtensionMessage.SERVER_HELLO));
        new Extensions(List.of(new Extension(0x4469, new byte[0]))).requireAllowedIn(ExtensionMessage.SERVER_HELLO);
    }

    @Test
    void offeredPsksRoundTripAndSayHowLongTheBindersAre() throws TlsAlertException {
        byte[] identity = hex("0102030405");
        byte[] binder = new byte[32];
        binder[0] = 7;
        PreSharedKey.OfferedPsks offered = new PreSharedKey.OfferedPsks(
                List.of(new PskIdentity(identity, 0xFFFFFFFFL)), List.of(binder));
        byte[] data = offered.encode();
        assertArrayEquals(hex("000b" + "00050102030405ffffffff" + "0021" + "20" + "07" + "00".repeat(31)), data);
        assertEquals(offered, PreSharedKey.decodeClientHello(data));
        assertEquals(2 + 1 + 32, offered.bindersLength());
        assertEquals(data.length - offered.bindersLength(), 2 + 11, "the binders are the extension's last bytes");
    }

    @Test
    void offeredPsksWithABinderMissingIsIllegalParameter() {
        String identities = "0016" + "00050102030405ffffffff" + "00050102030406ffffffff";
        String oneBinder = "0021" + "20" + "00".repeat(32);
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER, () -> PreSharedKey.decodeClientHello(hex(identities + oneBinder)));
    }

    @Test
    void malformedOfferedPsksAreDecodeErrors() {
        String identity = "000b" + "00050102030405ffffffff";
        String binder = "0021" + "20" + "00".repeat(32);
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex("0000" + binder)));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex(identity + "0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex(identity + binder + "00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex(identity + "0020" + "1f" + "00".repeat(31))));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex("0007" + "0000ffffffff" + "00" + binder)));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeClientHello(hex("000b" + "00050102")));
    }

    @Test
    void preSharedKeyOfServerHelloIsTheSelectedIdentity() throws TlsAlertException {
        assertEquals(new PreSharedKey.SelectedIdentity(0), PreSharedKey.decodeServerHello(hex("0000")));
        assertArrayEquals(hex("0002"), new PreSharedKey.SelectedIdentity(2).encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeServerHello(hex("00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PreSharedKey.decodeServerHello(hex("000000")));
    }

    @Test
    void earlyDataIsEmptyExceptInNewSessionTicket() throws TlsAlertException {
        assertEquals(EarlyData.indication(), EarlyData.decode(new byte[0]));
        assertEquals(0, EarlyData.indication().encode().length);
        assertEquals(OptionalLong.of(0x4000), EarlyData.decodeNewSessionTicket(hex("00004000")).maxEarlyDataSize());
        assertArrayEquals(hex("ffffffff"), EarlyData.maxEarlyDataSize(0xFFFFFFFFL).encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EarlyData.decode(hex("00")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EarlyData.decodeNewSessionTicket(hex("000040")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> EarlyData.decodeNewSessionTicket(hex("0000400000")));
    }

    @Test
    void certificateAuthoritiesIsAListOfDistinguishedNames() throws TlsAlertException {
        byte[] data = hex("000a" + "00033001aa" + "0003300100");
        CertificateAuthorities authorities = CertificateAuthorities.decode(data);
        assertEquals(2, authorities.authorities().size());
        assertArrayEquals(hex("3001aa"), authorities.authorities().get(0));
        assertArrayEquals(data, authorities.encode());
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> CertificateAuthorities.decode(hex("0000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> CertificateAuthorities.decode(hex("00020000")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> CertificateAuthorities.decode(hex("000300023001")));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> CertificateAuthorities.decode(hex("0003000130" + "ff")));
    }

    @Test
    void postHandshakeAuthIsEmpty() throws TlsAlertException {
        assertEquals(new PostHandshakeAuth(), PostHandshakeAuth.decode(new byte[0]));
        assertHandshakeAlert(AlertDescription.DECODE_ERROR, () -> PostHandshakeAuth.decode(hex("00")));
    }

    @Test
    void aDuplicateTls13ExtensionInABlockIsIllegalParameter() {
        String keyShare = "0033" + "0002" + "001d";
        assertHandshakeAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> Extensions.decode(new ByteReader(hex("000c" + keyShare + keyShare), TlsLayer.HANDSHAKE)));
    }
}
