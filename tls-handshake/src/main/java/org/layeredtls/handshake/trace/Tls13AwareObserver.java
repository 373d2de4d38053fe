package org.layeredtls.handshake.trace;

import org.layeredtls.handshake.api.TlsObserver;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.TLSCiphertext;

/**
 * An observer that knows which direction of a connection is under a TLS 1.3 state, whose records hide
 * their content type (RFC 8446 §5.2: the header says application_data; the real type is the last non-zero
 * byte of the TLSInnerPlaintext): what a printer needs to show a record "decrypted, with its inner content
 * type", as {@code openssl -msg} and {@code -trace} do. Learnt from the record layer's state changes; a
 * handshake or alert record in the clear (a new connection's first records) means no TLS 1.3 state.
 */
abstract class Tls13AwareObserver implements TlsObserver {

    /** Index 0: what this side sends; 1: what it receives. */
    private final boolean[] tls13 = new boolean[2];

    @Override
    public synchronized void writeStateChanged(ConnectionState newState) {
        tls13[0] = newState.isTls13();
    }

    @Override
    public synchronized void readStateChanged(ConnectionState newState) {
        tls13[1] = newState.isTls13();
    }

    /**
     * Whether {@code ciphertext}, a record that went that way, is a protected TLS 1.3 record: its real
     * content type is inside. The compatibility change_cipher_spec goes in the clear and is not.
     */
    final synchronized boolean hidesContentType(boolean sent, TLSCiphertext ciphertext) {
        int direction = sent ? 0 : 1;
        if (ciphertext.type() != ContentType.APPLICATION_DATA) {
            // a handshake or alert record in the clear: a new connection's first records, never a TLS 1.3 state's
            tls13[direction] &= ciphertext.type() == ContentType.CHANGE_CIPHER_SPEC;
            return false;
        }
        return tls13[direction];
    }
}
