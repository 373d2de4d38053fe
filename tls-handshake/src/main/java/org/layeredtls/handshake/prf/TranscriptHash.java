package org.layeredtls.handshake.prf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The running hash of the handshake messages, {@code Hash(handshake_messages)}: the exact bytes of
 * every handshake message sent or received (type, length and body, no record headers, no
 * HelloRequest), in the order they went over the wire (RFC 5246 §7.4.9).
 *
 * <p>The hash to use is known only once the ServerHello has chosen the version and the suite, so
 * the transcript starts by keeping the bytes, as real stacks do. Once the handshake knows which
 * hashes it needs, it {@linkplain #track tracks} them (each is fed what was kept, then every new
 * byte) and, when no other hash can be asked for any more (such as the hash of a TLS 1.2
 * CertificateVerify signature), it {@linkplain #stopBuffering stops buffering}.
 *
 * <p>Asking for a digest never disturbs the running hashes: each answer comes from a
 * {@link Hash#copy() copy}, so a hash can be taken mid-transcript (the RFC 7627 session hash up to
 * the ClientKeyExchange, the CertificateVerify input, the client's Finished before the server's).
 */
public final class TranscriptHash {

    private final CryptoProvider crypto;
    private final Map<HashAlgorithm, Hash> running = new EnumMap<>(HashAlgorithm.class);
    /**
     * The kept bytes, one copy of each update as it came, or null once buffering stopped: a growing array would
     * copy the whole transcript again at each doubling (about three times its size per handshake and side).
     */
    private List<byte[]> buffer = new ArrayList<>();
    private long length;

    /** An empty transcript on the default provider. */
    public TranscriptHash() {
        this(CryptoProvider.defaultProvider());
    }

    public TranscriptHash(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    /** Adds the exact bytes of one handshake message (or any part of one: chunking does not matter). */
    public void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /** Adds {@code count} bytes of {@code bytes} from {@code offset}. */
    public void update(byte[] bytes, int offset, int count) {
        if (offset < 0 || count < 0 || offset > bytes.length - count) {
            throw new IndexOutOfBoundsException("offset " + offset + ", count " + count + ", array " + bytes.length);
        }
        if (buffer != null) {
            buffer.add(Arrays.copyOfRange(bytes, offset, offset + count));
        }
        for (Hash hash : running.values()) {
            hash.update(bytes, offset, count);
        }
        length += count;
    }

    /** How many bytes the transcript holds. */
    public long length() {
        return length;
    }

    /**
     * Keeps a running hash for each algorithm from now on, starting from everything fed so far.
     *
     * @throws IllegalStateException if the transcript no longer buffers and an algorithm was not tracked
     */
    public void track(HashAlgorithm... algorithms) {
        for (HashAlgorithm algorithm : algorithms) {
            if (running.containsKey(algorithm)) {
                continue;
            }
            requireBuffer(algorithm);
            Hash hash = crypto.hash(algorithm);
            feedKept(hash);
            running.put(algorithm, hash);
        }
    }

    /** Whether the algorithm has a running hash. */
    public boolean isTracked(HashAlgorithm algorithm) {
        return running.containsKey(algorithm);
    }

    /** Whether the raw message bytes are still kept. */
    public boolean isBuffering() {
        return buffer != null;
    }

    /** Drops the kept bytes: from now on only the {@linkplain #track tracked} hashes can be asked for. */
    public void stopBuffering() {
        buffer = null;
    }

    /**
     * The exact handshake messages so far, while the transcript buffers: a signer that hashes its
     * own input (a TLS 1.2 CertificateVerify) takes these.
     */
    public byte[] messages() {
        if (buffer == null) {
            throw new IllegalStateException("the transcript no longer keeps the handshake messages");
        }
        byte[] messages = new byte[Math.toIntExact(length)];
        int at = 0;
        for (byte[] part : buffer) {
            System.arraycopy(part, 0, messages, at, part.length);
            at += part.length;
        }
        return messages;
    }

    /** {@code Hash(handshake_messages)} so far; the transcript goes on unchanged. */
    public byte[] digest(HashAlgorithm algorithm) {
        return runningHash(algorithm).doFinal();
    }

    /** {@code MD5(handshake_messages) + SHA-1(handshake_messages)}, the 36-byte hash of TLS 1.0 and 1.1. */
    public byte[] md5AndSha1() {
        byte[] md5 = digest(HashAlgorithm.MD5);
        byte[] sha1 = digest(HashAlgorithm.SHA1);
        byte[] out = new byte[md5.length + sha1.length];
        System.arraycopy(md5, 0, out, 0, md5.length);
        System.arraycopy(sha1, 0, out, md5.length, sha1.length);
        return out;
    }

    /**
     * An independent hash that has been fed the transcript so far, for a caller that goes on
     * feeding it (SSL 3.0 appends the sender, the master secret and a pad: RFC 6101 §5.6.9).
     */
    public Hash runningHash(HashAlgorithm algorithm) {
        Hash hash = running.get(algorithm);
        if (hash != null) {
            return hash.copy();
        }
        requireBuffer(algorithm);
        Hash fresh = crypto.hash(algorithm);
        feedKept(fresh);
        return fresh;
    }

    private void feedKept(Hash hash) {
        for (byte[] part : buffer) {
            hash.update(part, 0, part.length);
        }
    }

    private void requireBuffer(HashAlgorithm algorithm) {
        if (buffer == null) {
            throw new IllegalStateException(algorithm + " was not tracked before the transcript stopped buffering");
        }
    }

    @Override
    public String toString() {
        return "TranscriptHash[" + length + " bytes, tracking " + running.keySet()
                + (buffer != null ? ", buffering" : "") + "]";
    }
}
