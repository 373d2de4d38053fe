package org.layeredtls.handshake.research;

import java.util.concurrent.atomic.AtomicBoolean;

import org.layeredtls.handshake.intercept.HandshakeInterceptor;
import org.layeredtls.handshake.intercept.OutgoingFlight;
import org.layeredtls.handshake.intercept.OutgoingHandshakeMessage;
import org.layeredtls.handshake.intercept.OutgoingRecord;
import org.layeredtls.handshake.intercept.RecordInterceptor;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.record.ContentType;

/**
 * Ready-made attacks on our own side of a handshake ({@link HandshakeInterceptor}s and
 * {@link RecordInterceptor}s to set in {@code TlsConfig}): each one small, each a different way to break a
 * handshake, for experiments on how a peer reacts (RESEARCH.md, OBSERVE.md "Interceptors").
 */
public final class Attacks {

    private Attacks() {
    }

    /** Flips a bit of our Finished's verify_data: our transcript hashes the tampered bytes, so only the peer can notice. */
    public static HandshakeInterceptor tamperFinished() {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws java.io.IOException {
                if (message.type() != HandshakeType.FINISHED) {
                    HandshakeInterceptor.super.message(message, flight);
                    return;
                }
                byte[] bytes = message.bytes();
                bytes[4] ^= 0x01; // first byte of verify_data, after the 4-byte handshake header
                flight.send(bytes);
                flight.flushRecord();
            }
        };
    }

    /** Sends nothing for one message type. */
    public static HandshakeInterceptor drop(HandshakeType type) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws java.io.IOException {
                if (message.type() != type) {
                    HandshakeInterceptor.super.message(message, flight);
                }
            }
        };
    }

    /** Sends a ChangeCipherSpec right after {@code after}, long before any keys exist. */
    public static HandshakeInterceptor earlyChangeCipherSpecAfter(HandshakeType after) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws java.io.IOException {
                HandshakeInterceptor.super.message(message, flight);
                if (message.type() == after) {
                    flight.injectChangeCipherSpec();
                }
            }
        };
    }

    /** Rewrites the version field of a hello (client_version / server_version) to {3,1}, TLS 1.0. */
    public static HandshakeInterceptor helloVersionTls10(HandshakeType hello) {
        return new HandshakeInterceptor() {
            @Override
            public void message(OutgoingHandshakeMessage message, OutgoingFlight flight) throws java.io.IOException {
                if (message.type() != hello) {
                    HandshakeInterceptor.super.message(message, flight);
                    return;
                }
                byte[] bytes = message.bytes();
                bytes[4] = 3; // client_version / server_version follows the 4-byte handshake header
                bytes[5] = 1;
                flight.send(bytes);
                flight.flushRecord();
            }
        };
    }

    /** Rewrites the header version of our ChangeCipherSpec records. */
    public static RecordInterceptor changeCipherSpecRecordsInVersion(org.layeredtls.record.ProtocolVersion version) {
        return record -> record.type() == ContentType.CHANGE_CIPHER_SPEC
                ? record.withHeader(ContentType.CHANGE_CIPHER_SPEC.code(), version) : record.bytes();
    }

    /** Flips one bit in the fragment of the first protected record (the one after our ChangeCipherSpec: Finished). */
    public static RecordInterceptor flipBitInFirstProtectedRecord() {
        AtomicBoolean afterCcs = new AtomicBoolean();
        AtomicBoolean done = new AtomicBoolean();
        return record -> {
            if (record.type() == ContentType.CHANGE_CIPHER_SPEC) {
                afterCcs.set(true);
                return record.bytes();
            }
            if (afterCcs.get() && !done.getAndSet(true)) {
                return record.withFlippedFragmentBit(record.bytes().length - OutgoingRecord.HEADER_LENGTH - 1, 0);
            }
            return record.bytes();
        };
    }
}
