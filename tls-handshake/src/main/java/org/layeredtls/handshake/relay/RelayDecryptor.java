package org.layeredtls.handshake.relay;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeReassembler;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.handshake.prf.KeySchedule;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.RecordProtection;

/**
 * Opens the records of one relayed connection the way Wireshark does with a key log: the hellos
 * in the clear give the randoms, the version, the suite and encrypt_then_mac; the key log gives
 * the master secret for the ClientHello's random; our {@link KeySchedule} cuts the key block, and
 * from each direction's ChangeCipherSpec on our {@link RecordProtection} opens its records
 * (RFC 5246 §6.1: each direction has its own keys and its own sequence numbers, from 0).
 * Without a key log, or before the endpoint wrote its line, protected records stay opaque.
 * Both directions' threads call it, hence {@code synchronized}.
 */
final class RelayDecryptor {

    /** A record's plaintext, or why there is none. */
    record Opened(byte[] plaintext, String whyNot) {
        static Opened clear(byte[] fragment) {
            return new Opened(fragment, null);
        }

        static Opened opaque(String why) {
            return new Opened(null, why);
        }
    }

    private static final class Side {
        final HandshakeReassembler reassembler = new HandshakeReassembler();
        boolean changedCipherSpec;
        boolean keysPending;
        RecordProtection protection;
        String whyOpaque;
        long sequenceNumber;
    }

    private final Optional<KeyLog> keyLog;
    private final Duration keyLogWait;
    private final Map<Direction, Side> sides = new EnumMap<>(Direction.class);
    private ClientHello clientHello;
    private ServerHello serverHello;

    /** @param keyLogWait how long to wait for the endpoint to log the line of a connection */
    RelayDecryptor(Optional<KeyLog> keyLog, Duration keyLogWait) {
        this.keyLog = keyLog;
        this.keyLogWait = keyLogWait;
        for (Direction d : Direction.values()) {
            sides.put(d, new Side());
        }
    }

    /** The plaintext of a record as it is forwarded in {@code direction}. */
    synchronized Opened open(Direction direction, RecordHeader header, byte[] fragment) {
        Side side = sides.get(direction);
        byte[] plaintext = fragment;
        if (side.changedCipherSpec) {
            if (side.keysPending) {
                side.keysPending = false;
                deriveKeys(direction, side);
            }
            if (side.protection == null) {
                return Opened.opaque(side.whyOpaque);
            }
            try {
                byte[] out = new byte[fragment.length];
                int n = side.protection.open(side.sequenceNumber++, header.type(), header.version(), fragment, 0,
                        fragment.length, out, 0);
                plaintext = Arrays.copyOf(out, n);
            } catch (TlsAlertException e) {
                return Opened.opaque("does not open with the key log's keys: " + e.getMessage());
            }
        }
        switch (header.type()) {
            case CHANGE_CIPHER_SPEC -> changeCipherSpec(side);
            case HANDSHAKE -> {
                if (!side.changedCipherSpec) {
                    hellos(side, plaintext);
                }
            }
            default -> {
            }
        }
        return Opened.clear(plaintext);
    }

    private void hellos(Side side, byte[] fragment) {
        try {
            for (HandshakeFrame frame : side.reassembler.add(fragment)) {
                if (frame.type() == HandshakeType.CLIENT_HELLO) {
                    clientHello = ClientHello.decode(frame.body());
                } else if (frame.type() == HandshakeType.SERVER_HELLO) {
                    serverHello = ServerHello.decode(frame.body());
                }
            }
        } catch (TlsAlertException malformed) {
            // the peer answers a malformed hello with its alert; the trace shows the bytes
        }
    }

    /**
     * RFC 5246 §7.1: the sender's pending write state becomes current; its next record is protected.
     * The keys are derived at that record: a server logs its line only once it has read the
     * ClientKeyExchange, which may be after the client's ChangeCipherSpec has passed.
     */
    private void changeCipherSpec(Side side) {
        side.changedCipherSpec = true;
        side.keysPending = true;
        side.sequenceNumber = 0;
        side.protection = null;
    }

    private void deriveKeys(Direction direction, Side side) {
        if (keyLog.isEmpty()) {
            side.whyOpaque = "no -keylogfile";
            return;
        }
        if (clientHello == null || serverHello == null) {
            side.whyOpaque = "no ClientHello and ServerHello in the clear to derive keys from";
            return;
        }
        if (serverHello.knownCipherSuite().isEmpty()) {
            side.whyOpaque = "suite 0x" + Integer.toHexString(serverHello.cipherSuite()) + " is unknown to this stack";
            return;
        }
        if (serverHello.knownCipherSuite().get().isTls13()) {
            // the relay opens records with a TLS 1.2 master secret (CLIENT_RANDOM lines); TLS 1.3 has traffic secrets
            side.whyOpaque = "suite 0x" + Integer.toHexString(serverHello.cipherSuite())
                    + " is a TLS 1.3 suite: the relay opens TLS 1.2 and below only";
            return;
        }
        Optional<byte[]> masterSecret = keyLog.get().masterSecret(clientHello.random(), keyLogWait);
        if (masterSecret.isEmpty()) {
            side.whyOpaque = "no CLIENT_RANDOM line for this connection in " + keyLog.get();
            return;
        }
        side.protection = ReadingKeys.forReading(clientHello, serverHello, masterSecret.get(), direction.fromClient());
        Arrays.fill(masterSecret.get(), (byte) 0);
    }

    /**
     * Whether the next record in {@code direction} is the first protected one and the key log does
     * not hold its line yet: the relay then forwards it before tracing it, because OpenSSL's server
     * logs the line only once it has read the client's Finished.
     */
    synchronized boolean keyLineMissing(Direction direction) {
        Side side = sides.get(direction);
        return side.keysPending && keyLog.isPresent() && clientHello != null
                && keyLog.get().masterSecret(clientHello.random()).isEmpty();
    }

    /** Whether {@code direction} is still in the clear (its sender has not sent ChangeCipherSpec). */
    synchronized boolean inClear(Direction direction) {
        return !sides.get(direction).changedCipherSpec;
    }
}
