package org.layeredtls.handshake.prf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The TLS 1.3 transcript (RFC 8446 §4.4.1): {@code Transcript-Hash(M1, M2, ... Mn) = Hash(M1 || M2
 * || ... || Mn)} over every handshake message, header included (type and 24-bit length), in the
 * order sent and received, records and record headers left out.
 *
 * <p>The hash is the cipher suite's, and the suite is known only once the ServerHello (or the
 * HelloRetryRequest) has chosen it, so a transcript starts by keeping the messages and is told
 * its hash later ({@link #selectHash}); every message kept so far is then hashed.
 *
 * <p>The one rule TLS 1.2 had no counterpart for: after a HelloRetryRequest, ClientHello1 is
 * replaced by a synthetic {@code message_hash} message carrying its hash
 * ({@link #replaceClientHelloWithMessageHash}), so that a server can keep that hash in a cookie
 * and forget the ClientHello (stateless retry).
 *
 * <p>Messages are kept for the life of the transcript (a handshake's worth: a few kilobytes).
 */
public final class Tls13Transcript {

    /** RFC 8446 §4: HandshakeType client_hello(1). */
    static final int CLIENT_HELLO = 1;
    /** RFC 8446 §4: HandshakeType message_hash(254), the synthetic message of §4.4.1. */
    public static final int MESSAGE_HASH = 254;
    /** A handshake message header: msg_type (1 byte) and length (uint24). */
    private static final int HEADER_LENGTH = 4;

    private final CryptoProvider crypto;
    private final List<byte[]> messages;
    private HashAlgorithm algorithm;
    private Hash running;
    private boolean clientHelloReplaced;

    /** A transcript that keeps messages until its hash is {@linkplain #selectHash selected}. */
    public Tls13Transcript() {
        this(CryptoProvider.defaultProvider());
    }

    public Tls13Transcript(CryptoProvider crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.messages = new ArrayList<>();
    }

    /** A transcript over a hash already known. */
    public Tls13Transcript(HashAlgorithm hash) {
        this(hash, CryptoProvider.defaultProvider());
    }

    public Tls13Transcript(HashAlgorithm hash, CryptoProvider crypto) {
        this(crypto);
        selectHash(hash);
    }

    private Tls13Transcript(Tls13Transcript original, boolean withMessages) {
        this.crypto = original.crypto;
        this.messages = withMessages ? new ArrayList<>(original.messages) : new ArrayList<>();
        this.algorithm = original.algorithm;
        this.running = original.running == null ? null : original.running.copy();
        this.clientHelloReplaced = original.clientHelloReplaced || !withMessages;
    }

    /**
     * Sets the hash of the negotiated cipher suite and hashes every message kept so far.
     *
     * @throws IllegalStateException if another hash was selected before (the suite cannot change)
     */
    public void selectHash(HashAlgorithm hash) {
        Objects.requireNonNull(hash, "hash");
        if (algorithm == hash) {
            return;
        }
        if (algorithm != null) {
            throw new IllegalStateException("the transcript hash is " + algorithm + " already, not " + hash);
        }
        algorithm = hash;
        running = rehash();
    }

    /** The hash, once selected. */
    public Optional<HashAlgorithm> hashAlgorithm() {
        return Optional.ofNullable(algorithm);
    }

    /**
     * Adds one whole handshake message, header included.
     *
     * @throws IllegalArgumentException if the bytes are not one message (the header's length must
     *                                  match the body that follows)
     */
    public void add(byte[] handshakeMessageWithHeader) {
        checkWholeMessage(handshakeMessageWithHeader);
        byte[] message = handshakeMessageWithHeader.clone();
        messages.add(message);
        if (running != null) {
            running.update(message);
        }
    }

    /** How many messages the transcript holds (message_hash counts as one). */
    public int messageCount() {
        return messages.size();
    }

    /**
     * Transcript-Hash of the messages so far; the transcript goes on unchanged.
     *
     * @throws IllegalStateException if no hash was selected yet
     */
    public byte[] hash() {
        return requireRunning().copy().doFinal();
    }

    /**
     * The hash of the transcript followed by a partial message that is not added: the PSK binder
     * covers {@code Transcript-Hash(..., Truncate(ClientHello))}, the ClientHello up to and
     * without its binders list (RFC 8446 §4.2.11.2).
     */
    public byte[] hashWith(byte[] partialMessage) {
        Hash hash = requireRunning().copy();
        hash.update(partialMessage);
        return hash.doFinal();
    }

    /**
     * RFC 8446 §4.4.1: "When the server responds to a ClientHello with a HelloRetryRequest, the
     * value of ClientHello1 is replaced with a special synthetic handshake message of handshake
     * type message_hash containing Hash(ClientHello1)". Called once, after a HelloRetryRequest, by
     * both sides; the messages after ClientHello1 (the HelloRetryRequest itself, if already
     * added) stay where they are.
     *
     * @throws IllegalStateException if no hash was selected, the first message is not a
     *                               ClientHello, or the replacement was already done
     */
    public void replaceClientHelloWithMessageHash() {
        requireRunning();
        if (clientHelloReplaced) {
            throw new IllegalStateException("ClientHello1 was already replaced by message_hash (one HelloRetryRequest per handshake)");
        }
        if (messages.isEmpty() || (messages.get(0)[0] & 0xFF) != CLIENT_HELLO) {
            throw new IllegalStateException("the transcript does not start with a ClientHello");
        }
        messages.set(0, messageHash(algorithm, messages.get(0), crypto));
        clientHelloReplaced = true;
        running = rehash();
    }

    /**
     * The synthetic message that stands for ClientHello1 (RFC 8446 §4.4.1):
     * {@code message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)}. A server that keeps the
     * hash in a cookie rebuilds the transcript from it.
     */
    public static byte[] messageHash(HashAlgorithm hash, byte[] clientHello1) {
        return messageHash(hash, clientHello1, CryptoProvider.defaultProvider());
    }

    /** {@link #messageHash(HashAlgorithm, byte[])} on the given crypto provider. */
    public static byte[] messageHash(HashAlgorithm hash, byte[] clientHello1, CryptoProvider crypto) {
        Hash digest = crypto.hash(hash);
        digest.update(clientHello1);
        byte[] clientHelloHash = digest.doFinal();
        return new ByteWriter(HEADER_LENGTH + clientHelloHash.length)
                .u8(MESSAGE_HASH)
                .vector24(clientHelloHash)
                .toByteArray();
    }

    /** An independent transcript with the same messages and running hash. */
    public Tls13Transcript copy() {
        return new Tls13Transcript(this, true);
    }

    /**
     * An independent transcript that goes on from this one's hash without keeping its messages: what a
     * connection keeps of its whole handshake for post-handshake authentication (RFC 8446 §4.4: its Handshake
     * Context is ClientHello ... client Finished), one hash state instead of every message. It counts only the
     * messages added to it, and ClientHello1 can no longer be replaced.
     *
     * @throws IllegalStateException if no hash was selected yet
     */
    public Tls13Transcript continuation() {
        requireRunning();
        return new Tls13Transcript(this, false);
    }

    private Hash rehash() {
        Hash hash = crypto.hash(algorithm);
        for (byte[] message : messages) {
            hash.update(message);
        }
        return hash;
    }

    private Hash requireRunning() {
        if (running == null) {
            throw new IllegalStateException("the transcript hash is not known yet (no cipher suite negotiated)");
        }
        return running;
    }

    private static void checkWholeMessage(byte[] message) {
        if (message.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("a handshake message has a 4-byte header; got " + message.length + " bytes");
        }
        int bodyLength = ((message[1] & 0xFF) << 16) | ((message[2] & 0xFF) << 8) | (message[3] & 0xFF);
        if (bodyLength != message.length - HEADER_LENGTH) {
            throw new IllegalArgumentException("the header says " + bodyLength + " body bytes, "
                    + (message.length - HEADER_LENGTH) + " follow");
        }
    }

    @Override
    public String toString() {
        return "Tls13Transcript[" + messages.size() + " messages, "
                + (algorithm == null ? "hash not selected" : algorithm) + (clientHelloReplaced ? ", after HRR" : "") + "]";
    }
}
