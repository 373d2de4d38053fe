package org.layeredtls.handshake.conversation;

import java.util.List;

import org.layeredtls.codec.ByteWriter;
import org.layeredtls.handshake.message.HandshakeType;

/** Where a conversation's messages come from: the templates, and raw messages of any type and body. */
public final class Messages {

    private Messages() {
    }

    /** A TLS 1.2 ClientHello with this stack's defaults (see {@link ClientHelloTemplate}). */
    public static ClientHelloTemplate clientHello() {
        return new ClientHelloTemplate();
    }

    /** The ClientKeyExchange the chosen suite needs (RSA or ECDHE), correct unless overridden. */
    public static ClientKeyExchangeTemplate clientKeyExchange() {
        return new ClientKeyExchangeTemplate();
    }

    /** The client's Finished over the transcript so far, correct unless overridden. */
    public static FinishedTemplate finished() {
        return new FinishedTemplate();
    }

    /** Any bytes as the body of a message of any type. */
    public static OutgoingMessage raw(int type, byte[] body) {
        byte[] copy = body.clone();
        return new OutgoingMessage() {
            @Override
            public int type() {
                return type;
            }

            @Override
            public byte[] body(HandshakeSecrets secrets) {
                return copy.clone();
            }

            @Override
            public String toString() {
                return name(type) + " (raw, " + copy.length + " bytes)";
            }
        };
    }

    /** The RFC's name of a handshake type code, or "handshake type N". */
    static String name(int type) {
        for (HandshakeType known : HandshakeType.values()) {
            if (known.code() == type) {
                return known.rfcName();
            }
        }
        return "handshake type " + type;
    }

    /** Any bytes as the body of a message of a known type. */
    public static OutgoingMessage raw(HandshakeType type, byte[] body) {
        return raw(type.code(), body);
    }

    /** HelloRequest (RFC 5246 §7.4.1.1): an empty body. */
    public static OutgoingMessage helloRequest() {
        return raw(HandshakeType.HELLO_REQUEST, new byte[0]);
    }

    /** ServerHelloDone (RFC 5246 §7.4.5): an empty body. */
    public static OutgoingMessage serverHelloDone() {
        return raw(HandshakeType.SERVER_HELLO_DONE, new byte[0]);
    }

    /** A Certificate message (RFC 5246 §7.4.2) carrying these DER certificates, sender's first. */
    public static OutgoingMessage certificate(List<byte[]> certificates) {
        ByteWriter writer = new ByteWriter(64);
        int list = writer.beginVector24();
        for (byte[] certificate : certificates) {
            writer.vector24(certificate);
        }
        writer.endVector24(list);
        return raw(HandshakeType.CERTIFICATE, writer.toByteArray());
    }

    /**
     * A ServerHello (RFC 5246 §7.4.1.3) of {@code version} choosing {@code cipherSuite}, with a fresh random,
     * an empty session id, null compression and the given raw extensions block (null: none).
     */
    public static OutgoingMessage serverHello(int version, int cipherSuite, byte[] extensionsBlock) {
        return new OutgoingMessage() {
            @Override
            public int type() {
                return HandshakeType.SERVER_HELLO.code();
            }

            @Override
            public byte[] body(HandshakeSecrets secrets) {
                byte[] random = new byte[32];
                secrets.random().nextBytes(random);
                ByteWriter writer = new ByteWriter(80).u16(version).bytes(random).u8(0).u16(cipherSuite).u8(0);
                if (extensionsBlock != null) {
                    writer.bytes(extensionsBlock);
                }
                return writer.toByteArray();
            }

            @Override
            public String toString() {
                return String.format("server_hello (version 0x%04x, suite 0x%04x)", version, cipherSuite);
            }
        };
    }
}
