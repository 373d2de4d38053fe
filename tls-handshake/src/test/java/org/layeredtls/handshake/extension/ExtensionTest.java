package org.layeredtls.handshake.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;

class ExtensionTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static void assertAlert(AlertDescription expected, org.junit.jupiter.api.function.Executable decode) {
        TlsAlertException e = assertThrows(TlsAlertException.class, decode);
        assertEquals(expected, e.description());
        assertEquals(TlsLayer.HANDSHAKE, e.layer());
    }

    @Test
    void serverNameEncodesAHostNameAsRfc6066Says() throws TlsAlertException {
        byte[] bytes = hex("000e00000b6578616d706c652e636f6d");
        ServerName sni = ServerName.decode(bytes);
        assertEquals(Optional.of("example.com"), sni.hostName());
        assertArrayEquals(bytes, ServerName.ofHostName("example.com").encode());
    }

    @Test
    void emptyServerNameDataIsTheServersAcknowledgement() throws TlsAlertException {
        assertEquals(ServerName.acknowledgement(), ServerName.decode(new byte[0]));
        assertEquals(0, ServerName.acknowledgement().encode().length);
    }

    @Test
    void emptyServerNameListIsADecodeError() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> ServerName.decode(hex("0000")));
    }

    @Test
    void maxFragmentLengthCodesMapToPowersOfTwo() throws TlsAlertException {
        assertEquals(512, MaxFragmentLength.decode(hex("01")).length());
        assertEquals(4096, MaxFragmentLength.decode(hex("04")).length());
        assertEquals(new MaxFragmentLength(2), MaxFragmentLength.ofLength(1024));
    }

    @Test
    void maxFragmentLengthOutsideOneToFourIsIllegalParameter() {
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> MaxFragmentLength.decode(hex("00")));
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> MaxFragmentLength.decode(hex("05")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> MaxFragmentLength.decode(hex("0101")));
    }

    @Test
    void recordSizeLimitBelow64IsIllegalParameter() throws TlsAlertException {
        assertAlert(AlertDescription.ILLEGAL_PARAMETER, () -> RecordSizeLimit.decode(hex("003f")));
        assertEquals(64, RecordSizeLimit.decode(hex("0040")).limit());
        assertEquals(0x4001, RecordSizeLimit.decode(hex("4001")).limit());
    }

    @Test
    void emptyExtensionsWithDataAreADecodeError() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> EncryptThenMac.decode(hex("00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> ExtendedMasterSecret.decode(hex("00")));
    }

    @Test
    void supportedGroupsKeepUnknownCodesAndNameKnownOnes() throws TlsAlertException {
        SupportedGroups groups = SupportedGroups.decode(hex("0008001d0017fafa0100"));
        assertEquals(List.of(29, 23, 0xFAFA, 256), groups.groups());
        assertEquals(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.FFDHE2048), groups.knownGroups());
    }

    @Test
    void oddLengthListsAreADecodeError() {
        assertAlert(AlertDescription.DECODE_ERROR, () -> SupportedGroups.decode(hex("0003001d00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> SignatureAlgorithms.decode(hex("0003040100")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> SignatureAlgorithms.decode(hex("0000")));
    }

    @Test
    void signatureSchemesAreHashThenSignatureBytes() throws TlsAlertException {
        SignatureAlgorithms algorithms = SignatureAlgorithms.decode(hex("0006040108040203"));
        assertEquals(List.of(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.ECDSA_SHA1), algorithms.knownSchemes());
        assertEquals(4, SignatureScheme.RSA_PKCS1_SHA256.hashByte());
        assertEquals(3, SignatureScheme.ECDSA_SECP384R1_SHA384.signatureByte());
    }

    @Test
    void alpnRejectsAnEmptyProtocolName() throws TlsAlertException {
        assertEquals(List.of("h2", "http/1.1"),
                ApplicationLayerProtocolNegotiation.decode(hex("000c02683208687474702f312e31")).protocolNames());
        assertAlert(AlertDescription.DECODE_ERROR, () -> ApplicationLayerProtocolNegotiation.decode(hex("0003000161")));
    }

    @Test
    void renegotiationInfoOfAnInitialHandshakeIsOneZeroByte() throws TlsAlertException {
        assertArrayEquals(hex("00"), RenegotiationInfo.initial().encode());
        assertEquals(RenegotiationInfo.initial(), RenegotiationInfo.decode(hex("00")));
        assertAlert(AlertDescription.DECODE_ERROR, () -> RenegotiationInfo.decode(hex("0000")));
    }

    @Test
    void duplicateExtensionIsIllegalParameter() {
        // two extended_master_secret extensions
        byte[] block = hex("000800170000" + "00170000");
        assertAlert(AlertDescription.ILLEGAL_PARAMETER,
                () -> Extensions.decode(new ByteReader(block, TlsLayer.HANDSHAKE)));
        assertThrows(IllegalArgumentException.class,
                () -> Extensions.of(new ExtendedMasterSecret(), new ExtendedMasterSecret()));
    }

    @Test
    void unknownExtensionsAreKeptInOrderAndFoundByCode() throws TlsAlertException {
        byte[] block = hex("000d" + "fafa0000" + "00230000" + "4469000103");
        Extensions extensions = Extensions.decode(new ByteReader(block, TlsLayer.HANDSHAKE));
        assertEquals(List.of(0xFAFA, 35, 0x4469), extensions.list().stream().map(Extension::type).toList());
        assertTrue(extensions.contains(ExtensionType.SESSION_TICKET));
        assertFalse(extensions.contains(ExtensionType.SERVER_NAME));
        assertArrayEquals(hex("03"), extensions.find(0x4469).orElseThrow().data());
        assertEquals(Optional.empty(), extensions.find(0x4469).orElseThrow().knownType());
        assertTrue(extensions.find(ExtensionType.SESSION_TICKET, SessionTicket::decode).orElseThrow().isEmpty());
    }

    @Test
    void extensionTypeCodesMatchTheIanaRegistry() {
        assertEquals(0xFF01, ExtensionType.RENEGOTIATION_INFO.code());
        assertEquals(Optional.of(ExtensionType.RECORD_SIZE_LIMIT), ExtensionType.fromCode(28));
        assertEquals("key_share", ExtensionType.nameOf(51));
        assertEquals(43, ExtensionType.SUPPORTED_VERSIONS.code());
        assertEquals(41, ExtensionType.PRE_SHARED_KEY.code());
        assertEquals(50, ExtensionType.SIGNATURE_ALGORITHMS_CERT.code());
        assertEquals("unknown(48)", ExtensionType.nameOf(48));
    }
}
