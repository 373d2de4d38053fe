package org.layeredtls.handshake.hostile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.layeredtls.crypto.SignatureScheme;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.EcPointFormat;
import org.layeredtls.handshake.extension.EcPointFormats;
import org.layeredtls.handshake.extension.ExtendedMasterSecret;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.RenegotiationInfo;
import org.layeredtls.handshake.extension.ServerName;
import org.layeredtls.handshake.extension.SignatureAlgorithms;
import org.layeredtls.handshake.extension.SupportedGroups;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * A ClientHello (RFC 5246 §7.4.1.2) made from the defaults of a modern TLS 1.2 client, with any field
 * overridden: the hostile tests change one thing at a time and keep the rest as a normal client sends it.
 */
final class Hello {

    private ProtocolVersion clientVersion = ProtocolVersion.TLS1_2;
    private byte[] random = fixedRandom();
    private byte[] sessionId = new byte[0];
    private final List<Integer> cipherSuites = new ArrayList<>();
    private List<Integer> compressionMethods = List.of(0);
    private final List<Extension> extensions = new ArrayList<>();
    private boolean extensionsAbsent;

    private Hello() {
        TlsConfig.DEFAULT_SUITES.forEach(s -> cipherSuites.add(s.code()));
        cipherSuites.add(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.code());
        with(ServerName.ofHostName("localhost"));
        // as a TLS 1.2-only ClientHello offers them: without the TLS 1.3-only hybrid
        with(SupportedGroups.of(TlsConfig.DEFAULT_GROUPS.stream().filter(g -> !g.isTls13Only()).toArray(NamedGroup[]::new)));
        with(EcPointFormats.of(EcPointFormat.UNCOMPRESSED));
        with(new SignatureAlgorithms(TlsConfig.DEFAULT_SIGNATURE_SCHEMES.stream().map(SignatureScheme::tlsCode).toList()));
        with(new ExtendedMasterSecret());
        with(RenegotiationInfo.initial());
    }

    /** What a modern TLS 1.2 client sends: the default suites, SNI localhost, groups, point formats, signature algorithms, EMS, renegotiation_info. */
    static Hello defaults() {
        return new Hello();
    }

    private static byte[] fixedRandom() {
        byte[] random = new byte[ClientHello.RANDOM_LENGTH];
        Arrays.fill(random, (byte) 0x5A);
        return random;
    }

    /** client_version, as two raw bytes (any value, even {254,254}). */
    Hello version(int major, int minor) {
        clientVersion = new ProtocolVersion(major, minor);
        return this;
    }

    Hello version(ProtocolVersion version) {
        clientVersion = version;
        return this;
    }

    Hello sessionId(byte[] id) {
        sessionId = id.clone();
        return this;
    }

    /** Replaces the suite list. */
    Hello suites(CipherSuite... suites) {
        cipherSuites.clear();
        for (CipherSuite suite : suites) {
            cipherSuites.add(suite.code());
        }
        return this;
    }

    /** Replaces the suite list with raw two-byte codes. */
    Hello suiteCodes(List<Integer> codes) {
        cipherSuites.clear();
        cipherSuites.addAll(codes);
        return this;
    }

    Hello compression(Integer... methods) {
        compressionMethods = List.of(methods);
        return this;
    }

    /** Adds the extension, or replaces the one of the same type in place. */
    Hello with(ExtensionData data) {
        return with(data.toExtension());
    }

    /** Adds a raw extension (any bytes), or replaces the one of the same type in place. */
    Hello with(Extension extension) {
        extensionsAbsent = false;
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).type() == extension.type()) {
                extensions.set(i, extension);
                return this;
            }
        }
        extensions.add(extension);
        return this;
    }

    /** A raw extension: type code and its extension_data bytes. */
    Hello withRaw(int type, byte[] data) {
        return with(new Extension(type, data));
    }

    Hello without(ExtensionType type) {
        extensions.removeIf(e -> e.type() == type.code());
        return this;
    }

    /** No extensions block at all (as an SSL 3.0 client). */
    Hello withoutExtensions() {
        extensions.clear();
        extensionsAbsent = true;
        return this;
    }

    ClientHello message() {
        return new ClientHello(clientVersion, random, sessionId, cipherSuites, compressionMethods,
                extensionsAbsent ? Optional.empty() : Optional.of(new Extensions(extensions)));
    }

    /** The framed message: msg_type, length, body. */
    byte[] bytes() {
        return HandshakeFrame.of(message()).bytes();
    }
}
