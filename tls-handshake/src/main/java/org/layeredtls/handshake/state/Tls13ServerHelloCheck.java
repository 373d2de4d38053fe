package org.layeredtls.handshake.state;

import java.security.MessageDigest;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.Cookie;
import org.layeredtls.handshake.extension.Extension;
import org.layeredtls.handshake.extension.ExtensionMessage;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.KeyShareEntry;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.extension.PskKeyExchangeMode;
import org.layeredtls.handshake.extension.SupportedVersions;
import org.layeredtls.handshake.keyexchange.ClientKeyShare;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ProtocolVersion;

/**
 * The client's checks of a TLS 1.3 ServerHello, HelloRetryRequest and EncryptedExtensions against what its
 * ClientHello offered (RFC 8446 §4.1.3, §4.1.4, §4.2, §4.3.1), each failure with the alert the RFC names.
 */
final class Tls13ServerHelloCheck {

    private Tls13ServerHelloCheck() {
    }

    /** Whether this ServerHello selects TLS 1.3 (RFC 8446 §4.2.1: only supported_versions can). */
    static boolean selectsTls13(HandshakeContext context, ServerHello hello) throws TlsAlertException {
        Optional<SupportedVersions.ServerHello> selected = hello.extensionsOrEmpty()
                .find(ExtensionType.SUPPORTED_VERSIONS, SupportedVersions::decodeServerHello);
        if (selected.isEmpty()) {
            return false;
        }
        ProtocolVersion version = selected.get().selectedVersion();
        if (context.tls13 == null || !version.equals(ProtocolVersion.TLS1_3)) {
            // RFC 8446 §4.2.1: a version not offered, or one prior to TLS 1.3, in supported_versions
            throw ClientHandshake.illegal("the server's supported_versions selects " + version + ", which was not offered");
        }
        return true;
    }

    /** A HelloRetryRequest (RFC 8446 §4.1.4): checked, hashed as message_hash + HRR; returns the second ClientHello to send. */
    static ClientHello helloRetryRequest(HandshakeContext context, ServerHello retry, ReceivedMessage received) throws TlsAlertException {
        Tls13Handshake tls13 = context.tls13;
        Extensions extensions = retry.extensionsOrEmpty();
        extensions.requireAllowedIn(ExtensionMessage.HELLO_RETRY_REQUEST);
        CipherSuite suite = commonChecks(context, retry);
        NamedGroup group = extensions.find(ExtensionType.KEY_SHARE, KeyShare::decodeHelloRetryRequest)
                .map(KeyShare.HelloRetryRequest::selectedGroup).orElse(null);
        byte[] cookie = extensions.find(ExtensionType.COOKIE, Cookie::decode).map(Cookie::cookie).orElse(null);
        if (group == null && cookie == null) {
            // RFC 8446 §4.1.4: a HelloRetryRequest that "would not result in any change in the ClientHello"
            throw ClientHandshake.illegal("the HelloRetryRequest asks for no change");
        }
        if (group != null && (!context.config.namedGroups().contains(group) || tls13.clientShares.containsKey(group))) {
            // RFC 8446 §4.2.8: a group we did not offer in supported_groups, or one we already sent a share for
            throw ClientHandshake.illegal("the HelloRetryRequest selects " + group + ", which the client cannot change to");
        }
        tls13.helloRetried = true;
        tls13.negotiated(); // the server's change_cipher_spec may follow (RFC 8446 §D.4)
        context.suite = suite;
        tls13.startKeySchedule(suite);
        tls13.transcript.replaceClientHelloWithMessageHash(); // RFC 8446 §4.4.1
        tls13.transcript.add(received.transcriptBytes());
        ClientHello second = Tls13ClientHello.retry(context, tls13, group, cookie);
        context.clientHello = second;
        return second;
    }

    /**
     * A ServerHello that selects TLS 1.3: checked against our ClientHello (and the HelloRetryRequest),
     * hashed; returns the (EC)DHE shared secret of its key share (null when resuming with psk_ke).
     */
    static byte[] serverHello(HandshakeContext context, ServerHello hello, ReceivedMessage received) throws TlsAlertException {
        Tls13Handshake tls13 = context.tls13;
        Extensions extensions = hello.extensionsOrEmpty();
        extensions.requireAllowedIn(ExtensionMessage.SERVER_HELLO);
        CipherSuite suite = commonChecks(context, hello);
        if (tls13.helloRetried && suite != context.suite) {
            // RFC 8446 §4.1.4: the ServerHello's cipher suite must be the HelloRetryRequest's
            throw ClientHandshake.illegal("the ServerHello's suite differs from the HelloRetryRequest's");
        }
        context.suite = suite;
        if (extensions.find(ExtensionType.PRE_SHARED_KEY).isPresent()) {
            acceptPsk(context, extensions);
        }
        Optional<KeyShareEntry> serverShare = extensions.find(ExtensionType.KEY_SHARE, KeyShare::decodeServerHello)
                .map(KeyShare.ServerHello::serverShare);
        ClientKeyShare ours = null;
        if (serverShare.isPresent()) {
            NamedGroup group = serverShare.get().knownGroup().orElse(null);
            ours = group == null ? null : tls13.clientShares.get(group);
            if (ours == null) {
                // RFC 8446 §4.2.8: the server's share must be in a group we sent a share for
                throw ClientHandshake.illegal("the ServerHello's key_share is for a group the client sent no share for");
            }
            if (tls13.pskAccepted && !context.config.pskKeyExchangeModes().contains(PskKeyExchangeMode.PSK_DHE_KE)) {
                // RFC 8446 §4.2.9: "the server MUST NOT select a key exchange mode that is not listed by the client"
                throw ClientHandshake.illegal("the server resumed with psk_dhe_ke, which the client did not offer");
            }
            context.group = group;
            tls13.pskKeyExchangeMode = PskKeyExchangeMode.PSK_DHE_KE;
        } else if (tls13.pskAccepted && context.config.pskKeyExchangeModes().contains(PskKeyExchangeMode.PSK_KE)) {
            tls13.pskKeyExchangeMode = PskKeyExchangeMode.PSK_KE; // RFC 8446 §4.2.9: the PSK alone, as we offered
        } else {
            // RFC 8446 §9.2: an (EC)DHE handshake needs key_share; psk_ke only if we offered it
            throw HandshakeContext.alert(AlertDescription.MISSING_EXTENSION, "the ServerHello has no key_share");
        }
        tls13.negotiated();
        context.serverHello = hello;
        context.serverRandom = hello.random();
        context.sessionId = hello.sessionId();
        context.connection.records.setWriteVersion(ProtocolVersion.TLS1_2); // RFC 8446 §5.1: legacy_record_version {3,3}
        tls13.startKeySchedule(suite); // the Early Secret from the accepted PSK, or from zeros
        tls13.transcript.add(received.transcriptBytes());
        return ours == null ? null : ours.sharedSecret(serverShare.get().keyExchange()); // psk_ke: none (RFC 8446 §7.1)
    }

    // RFC 8446 §4.1.3: what a ServerHello and a HelloRetryRequest share
    private static CipherSuite commonChecks(HandshakeContext context, ServerHello hello) throws TlsAlertException {
        ClientHello offered = context.clientHello;
        if (!MessageDigest.isEqual(hello.sessionId(), offered.sessionId())) {
            // "A client which receives a legacy_session_id_echo field that does not match what it sent ... MUST abort"
            throw ClientHandshake.illegal("legacy_session_id_echo differs from the ClientHello's legacy_session_id");
        }
        if (hello.compressionMethod() != 0) {
            throw ClientHandshake.illegal("TLS 1.3 legacy_compression_method must be 0");
        }
        if (!hello.serverVersion().equals(ProtocolVersion.TLS1_2)) {
            throw HandshakeContext.alert(AlertDescription.PROTOCOL_VERSION,
                    "a TLS 1.3 ServerHello's legacy_version must be {3,3}, not " + hello.serverVersion());
        }
        return CipherSuite.fromCode(hello.cipherSuite())
                .filter(s -> s.isTls13() && context.config.tls13CipherSuites().contains(s))
                .orElseThrow(() -> ClientHandshake.illegal(String.format(
                        "the server chose cipher suite 0x%04x, not a TLS 1.3 suite the client offered", hello.cipherSuite())));
    }

    // RFC 8446 §4.2.11: the server accepted the PSK we offered (we offer one at most)
    private static void acceptPsk(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        int selected = extensions.find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeServerHello)
                .map(PreSharedKey.SelectedIdentity::selectedIdentity).orElseThrow();
        Tls13Handshake tls13 = context.tls13;
        if (selected != 0 || tls13.offeredSession == null) {
            throw ClientHandshake.illegal("the server selected PSK identity " + selected + ", which was not offered");
        }
        if (tls13.offeredSession.state().cipherSuite().prfHash() != context.suite.prfHash()) {
            // RFC 8446 §4.2.11: the suite must use the PSK's hash
            throw ClientHandshake.illegal("the server resumed with a suite whose hash is not the PSK's");
        }
        tls13.psk = tls13.offeredSession.state().masterSecret();
        tls13.pskAccepted = true;
        context.resumed = true;
        context.peerCertificates = tls13.offeredSession.state().peerCertificates();
    }

    /**
     * EncryptedExtensions (RFC 8446 §4.3.1): only what we offered (in the ClientHello as sent, a research hook's if it
     * replaced ours), with the answers TLS 1.2 had in ServerHello.
     */
    static void encryptedExtensions(HandshakeContext context, Extensions extensions) throws TlsAlertException {
        Extensions offered = context.clientHelloAsSent().extensionsOrEmpty();
        for (Extension extension : extensions.list()) {
            if (offered.find(extension.type()).isEmpty()) {
                // RFC 8446 §4.2: a response the client did not ask for is unsupported_extension
                throw HandshakeContext.alert(AlertDescription.UNSUPPORTED_EXTENSION,
                        "EncryptedExtensions holds " + ExtensionType.nameOf(extension.type()) + ", which the client did not offer");
            }
        }
        ServerHelloCheck.checkApplicationProtocol(context, extensions);
        extensions.find(ExtensionType.SERVER_NAME, org.layeredtls.handshake.extension.ServerName::decodeServerHello);
        context.serverName = context.connection.sniHostName();
    }
}
