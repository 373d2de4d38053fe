package org.layeredtls.handshake.state;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.handshake.api.EarlyDataStatus;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.EarlyData;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.Extensions;
import org.layeredtls.handshake.extension.PreSharedKey;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.EndOfEarlyData;
import org.layeredtls.handshake.message.Tls13NewSessionTicket;
import org.layeredtls.handshake.prf.Tls13Transcript;
import org.layeredtls.handshake.session.ClientSession;
import org.layeredtls.handshake.session.SessionState;
import org.layeredtls.handshake.suite.CipherSuite;
import org.layeredtls.record.ConnectionState;

/**
 * TLS 1.3 0-RTT data (RFC 8446 §2.3, §4.2.10, §4.5), off by default on both sides. On resumption a
 * client sends application data right after its ClientHello, under client_early_traffic_secret (from the
 * PSK alone: no fresh key exchange protects it, and nothing stops an attacker from replaying it):
 *
 * <pre>
 *   ClientHello + early_data + pre_shared_key
 *   (Application Data)            --&gt;   ServerHello ... {EncryptedExtensions + early_data} ... {Finished}
 *   (EndOfEarlyData)
 *   {Finished}                    --&gt;
 * </pre>
 *
 * () is under the early traffic keys. A server that accepts says so in EncryptedExtensions and reads the
 * data to EndOfEarlyData; one that rejects leaves early_data out and skips the records it cannot decrypt
 * (up to {@link TlsConfig#rejectedEarlyDataLimit()}); the client then knows its data was not delivered.
 * The server takes early data only on a resumption with a ticket that allowed it, used for 0-RTT for the first time
 * ({@link org.layeredtls.handshake.session.SingleUseTickets}, RFC 8446 §8.1), same suite, same ALPN.
 */
final class Tls13EarlyData {

    private Tls13EarlyData() {
    }

    // ------------------------------------------------------------------ tickets

    /** Server: a NewSessionTicket's extensions, early_data with our max_early_data_size when 0-RTT is on (§4.6.1). */
    static Extensions ticketExtensions(TlsConfig config) {
        return config.maxEarlyData() > 0 ? Extensions.of(EarlyData.maxEarlyDataSize(config.maxEarlyData())) : Extensions.empty();
    }

    /** Client: the 0-RTT bytes a ticket allows; 0 without early_data. */
    static long maxEarlyDataSize(Tls13NewSessionTicket ticket) throws TlsAlertException {
        return ticket.extensions().find(ExtensionType.EARLY_DATA, EarlyData::decodeNewSessionTicket)
                .map(e -> e.maxEarlyDataSize().getAsLong()).orElse(0L);
    }

    // ------------------------------------------------------------------ client

    /** Client: early_data in the ClientHello, when the application has 0-RTT data and the ticket allows as much. */
    static Optional<EarlyData> offer(HandshakeContext context, Tls13Handshake tls13, ClientSession session) {
        byte[] data = context.connection.earlyDataToSend();
        // RFC 8446 §4.2.10: no more than the ticket's max_early_data_size
        if (data == null || data.length == 0 || data.length > session.maxEarlyDataSize()) {
            return Optional.empty();
        }
        tls13.earlyDataOffered = true;
        return Optional.of(EarlyData.indication());
    }

    /** Client, right after its ClientHello: [ChangeCipherSpec], then the 0-RTT data under the early traffic keys. */
    static void send(HandshakeContext context) throws IOException {
        Tls13Handshake tls13 = context.tls13;
        if (tls13 == null || !tls13.earlyDataOffered) {
            return;
        }
        // RFC 8446 §4.2.10: the keys come from the first PSK offered, under its suite
        CipherSuite suite = tls13.offeredSession.state().cipherSuite();
        HashAlgorithm hash = suite.prfHash();
        Tls13Transcript clientHello = tls13.transcript.copy(); // the ClientHello as sent (a research hook may change it)
        clientHello.selectHash(hash);
        byte[] clientHelloHash = clientHello.hash();
        byte[] secret = tls13.deriveClientEarlyTrafficSecret(hash, tls13.offeredSession.state().masterSecret(), clientHelloHash);
        // RFC 8446 §5.1: legacy_record_version {3,3} for every record but an initial ClientHello
        context.connection.records.setWriteVersion(org.layeredtls.record.ProtocolVersion.TLS1_2);
        tls13.sendCompatibilityCcs(); // RFC 8446 §D.4: with early data, straight after the ClientHello
        context.connection.installWriteState(Tls13Handshake.protection(context.config, suite, secret));
        context.connection.writeEarlyData(context.connection.earlyDataToSend());
        context.flush();
    }

    /** Client: a HelloRetryRequest rejects early data (RFC 8446 §4.2.10); the second ClientHello goes in the clear. */
    static void retried(HandshakeContext context, Tls13Handshake tls13) {
        if (tls13.earlyDataOffered) {
            tls13.earlyDataOffered = false;
            context.connection.installWriteState(ConnectionState.initial());
            context.connection.earlyDataStatus(EarlyDataStatus.REJECTED);
        }
    }

    /**
     * Client, a ServerHello of TLS 1.2 or below: RFC 8446 §D.3, "A client that attempts to send 0-RTT data MUST fail
     * a connection if it receives a ServerHello with TLS 1.2 or older" (protocol_version, as BoringSSL).
     */
    static void requireTls13(HandshakeContext context) throws TlsAlertException {
        if (context.tls13 != null && context.tls13.earlyDataOffered) {
            throw HandshakeContext.alert(AlertDescription.PROTOCOL_VERSION,
                    "the server chose TLS 1.2 or below after we sent 0-RTT data (RFC 8446 §D.3)");
        }
    }

    /** Client: EncryptedExtensions says whether the server took our early data. */
    static void encryptedExtensions(HandshakeContext context, Tls13Handshake tls13, Extensions extensions)
            throws TlsAlertException {
        boolean accepted = extensions.find(ExtensionType.EARLY_DATA, EarlyData::decode).isPresent();
        if (accepted && (!tls13.earlyDataOffered || !tls13.pskAccepted
                || tls13.offeredSession.state().cipherSuite() != context.suite)) {
            // RFC 8446 §4.2.10: accepted early data means the first PSK, with its suite
            throw HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER,
                    "the server accepts early data without resuming the offered PSK with its suite");
        }
        tls13.earlyDataAccepted = accepted;
        if (tls13.earlyDataOffered) {
            context.connection.earlyDataStatus(accepted ? EarlyDataStatus.ACCEPTED : EarlyDataStatus.REJECTED);
        }
    }

    /** Client, after the server's Finished: EndOfEarlyData under the early keys, if the server took the data (§4.5). */
    static void endOfEarlyData(HandshakeContext context, Tls13Handshake tls13) throws IOException {
        if (tls13.earlyDataAccepted) {
            context.send(new EndOfEarlyData());
        }
    }

    // ------------------------------------------------------------------ server

    /**
     * Server, after the ClientHello's PSK is checked and the key schedule started: whether it takes the
     * client's early data. Accepted, the early traffic secret is derived; rejected, the records that will
     * not decrypt are skipped.
     */
    static void clientHello(HandshakeContext context, Tls13Handshake tls13, ClientHello hello, boolean retrying)
            throws TlsAlertException {
        if (tls13.helloRetried) {
            return; // RFC 8446 §4.2.10: refused with the HelloRetryRequest; the second ClientHello has none
        }
        tls13.earlyDataOffered = hello.extensionsOrEmpty().find(ExtensionType.EARLY_DATA, EarlyData::decode).isPresent();
        // RFC 8446 §4.2.10: a HelloRetryRequest refuses it (its records, in the clear to us, are skipped in received)
        tls13.earlyDataAccepted = tls13.earlyDataOffered && !retrying && accepts(context, tls13, hello);
        if (tls13.earlyDataOffered) {
            context.connection.earlyDataStatus(tls13.earlyDataAccepted ? EarlyDataStatus.ACCEPTED : EarlyDataStatus.REJECTED);
        }
        if (tls13.earlyDataAccepted) {
            tls13.deriveClientEarlyTrafficSecret(context.suite.prfHash(), tls13.psk, tls13.transcript.hash());
        } else if (tls13.earlyDataOffered && !retrying) {
            context.connection.records.skipUndecryptableRecords(context.config.rejectedEarlyDataLimit());
        }
    }

    // RFC 8446 §4.2.10: the first PSK, resumed, with 0-RTT on now and in its ticket, same suite, same ALPN;
    // §8.1: the ticket's first 0-RTT
    private static boolean accepts(HandshakeContext context, Tls13Handshake tls13, ClientHello hello) throws TlsAlertException {
        TlsConfig config = context.config;
        SessionState session = tls13.resumedSession;
        if (config.maxEarlyData() == 0 || !tls13.pskAccepted || session == null || session.maxEarlyData() == 0
                || session.cipherSuite() != context.suite || !Objects.equals(session.alpn(), context.applicationProtocol)) {
            return false;
        }
        byte[] ticket = hello.extensionsOrEmpty().find(ExtensionType.PRE_SHARED_KEY, PreSharedKey::decodeClientHello)
                .orElseThrow().identities().get(0).identity();
        Instant now = config.clock().instant();
        return config.earlyDataTickets().firstUse(ticket, now, session.creationTime().plus(session.lifetime()));
    }

    /** Server: early_data in EncryptedExtensions when it took the early data. */
    static Optional<EarlyData> encryptedExtension(Tls13Handshake tls13) {
        return tls13.earlyDataAccepted ? Optional.of(EarlyData.indication()) : Optional.empty();
    }

    /**
     * Server: an application_data record before the handshake is done. Accepted 0-RTT data goes to
     * the early queue, up to max_early_data_size (more: unexpected_message, RFC 8446 §4.2.10); after a
     * HelloRetryRequest the client's early records, in the clear to us, are skipped up to the limit.
     */
    static void received(HandshakeContext context, HandshakeState state, byte[] fragment, ApplicationDataQueue earlyData)
            throws TlsAlertException {
        Tls13Handshake tls13 = context.tls13;
        long limit = state instanceof Tls13ServerHandshake.ExpectEndOfEarlyData ? context.config.maxEarlyData()
                : tls13 != null && tls13.helloRetried && !context.connection.client ? context.config.rejectedEarlyDataLimit() : -1;
        if (limit < 0 || tls13.earlyDataReceived + fragment.length > limit) {
            throw HandshakeContext.alert(AlertDescription.UNEXPECTED_MESSAGE, limit < 0
                    ? "application data before the first handshake finished"
                    : "more 0-RTT data than max_early_data_size (RFC 8446 §4.2.10)");
        }
        tls13.earlyDataReceived += fragment.length;
        if (state instanceof Tls13ServerHandshake.ExpectEndOfEarlyData) {
            earlyData.add(fragment);
        }
    }
}
