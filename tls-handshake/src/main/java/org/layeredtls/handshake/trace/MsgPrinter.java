package org.layeredtls.handshake.trace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.message.ServerHello;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordHeader;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/**
 * Prints the protocol messages of a connection as {@code openssl s_client -msg} (OpenSSL 3.0's
 * {@code msg_cb}) does: {@code >>>} for what we send, {@code <<<} for what we receive; for each
 * record its 5-byte header ({@code >>> TLS 1.0, RecordHeader [length 0005]}, the version being the
 * one in that header), then each message it carries with its name and length
 * ({@code <<< TLS 1.2, Handshake [length 0041], ServerHello}, {@code Alert [length 0002], fatal bad_record_mac},
 * {@code ChangeCipherSpec [length 0001]}), then the message bytes, 16 to a line.
 *
 * <p>As OpenSSL: a handshake message split over records is printed once, after the header of the
 * record that completes it; several messages in one record each get a line; application data gets
 * its record header only; the version of a message line is the connection's (before the
 * ServerHello: the highest this side speaks, as OpenSSL's {@code s->version}). Where we differ
 * (see the tls-handshake OBSERVE.md, "-msg and openssl -msg"): a ChangeCipherSpec we receive is
 * printed (OpenSSL 3.0 never reports it to the callback).
 *
 * <p>TLS 1.3 (RFC 8446 §5.2): a protected record's header says application_data; its content type is
 * inside, the last non-zero byte of the TLSInnerPlaintext. As OpenSSL 3.0, the record is then printed
 * decrypted in three parts: its header, an {@code InnerContent [length 0001]} line with that type byte
 * (the version of a sent record's line is the record's, {@code TLS 1.2}; of a received one, the
 * connection's), then the message(s) it carried. The compatibility ChangeCipherSpec goes in the clear
 * and is printed as in TLS 1.2.
 */
public final class MsgPrinter extends Tls13AwareObserver {

    private final PrintStream out;
    private final ProtocolVersion highestOwnVersion;
    private final ByteArrayOutputStream sentHandshake = new ByteArrayOutputStream();
    private final ByteArrayOutputStream receivedHandshake = new ByteArrayOutputStream();
    private ProtocolVersion negotiated;

    /**
     * @param highestOwnVersion the highest version this side speaks, printed on message lines before
     *                          the ServerHello (a server's view of a ClientHello, as OpenSSL prints it);
     *                          {@code null}: the ClientHello's client_version
     */
    public MsgPrinter(PrintStream out, ProtocolVersion highestOwnVersion) {
        this.out = out;
        this.highestOwnVersion = highestOwnVersion;
    }

    public MsgPrinter(PrintStream out) {
        this(out, null);
    }

    @Override
    public synchronized void recordWritten(long sequenceNumber, TLSPlaintext plaintext, TLSCompressed compressed,
                                           TLSCiphertext ciphertext) {
        print(">>> ", plaintext, ciphertext, sentHandshake, true);
    }

    @Override
    public synchronized void recordRead(long sequenceNumber, TLSCiphertext ciphertext, TLSCompressed compressed,
                                        TLSPlaintext plaintext) {
        print("<<< ", plaintext, ciphertext, receivedHandshake, false);
    }



    /**
     * An SSLv2-compatible ClientHello: OpenSSL's {@code -msg} prints its message bytes (after the 2-byte
     * header) as "Not TLS data or unknown version (version=2, content_type=0)"; so does this.
     */
    @Override
    public synchronized void sslv2RecordRead(byte[] header, byte[] message) {
        StringBuilder text = new StringBuilder();
        block(text, "<<< Not TLS data or unknown version (version=2, content_type=0)", message, "");
        flush(text);
    }

    private void print(String arrow, TLSPlaintext plaintext, TLSCiphertext ciphertext, ByteArrayOutputStream handshake,
                       boolean sent) {
        StringBuilder text = new StringBuilder();
        byte[] header = new RecordHeader(ciphertext.type(), ciphertext.version(), ciphertext.length()).encode();
        block(text, arrow + versionName(ciphertext.version()) + ", RecordHeader", header, "");
        if (hidesContentType(sent, ciphertext)) {
            // RFC 8446 §5.2: TLSInnerPlaintext.type, the real content type; OpenSSL prints a sent one with the record's version
            String version = sent ? versionName(ciphertext.version()) : messageVersion(null, plaintext.version());
            block(text, arrow + version + ", InnerContent", new byte[] {(byte) plaintext.type().code()}, "");
        }
        byte[] fragment = plaintext.fragment();
        switch (plaintext.type()) {
            case CHANGE_CIPHER_SPEC -> block(text, arrow + messageVersion(null, plaintext.version()) + ", ChangeCipherSpec", fragment, "");
            case ALERT -> block(text, arrow + messageVersion(null, plaintext.version()) + ", Alert", fragment, alertDetails(fragment));
            case HANDSHAKE -> {
                handshake.writeBytes(fragment);
                for (byte[] message : completeMessages(handshake)) {
                    learnVersion(message);
                    block(text, arrow + messageVersion(message, plaintext.version()) + ", Handshake", message, ", " + handshakeName(message[0] & 0xFF));
                }
            }
            case APPLICATION_DATA -> { } // OpenSSL's callback sees no application data: the header only
            default -> block(text, arrow + messageVersion(null, plaintext.version()) + ", Unknown (content_type=" + plaintext.type().code() + ")",
                    fragment, "");
        }
        flush(text);
    }

    /** RFC 5246 §7.4: msg_type(1) length(3) body: takes every whole message off the front of {@code buffer}. */
    private static java.util.List<byte[]> completeMessages(ByteArrayOutputStream buffer) {
        java.util.List<byte[]> messages = new java.util.ArrayList<>();
        byte[] bytes = buffer.toByteArray();
        int at = 0;
        while (bytes.length - at >= 4) {
            int length = ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            if (bytes.length - at - 4 < length) {
                break;
            }
            messages.add(Arrays.copyOfRange(bytes, at, at + 4 + length));
            at += 4 + length;
        }
        buffer.reset();
        buffer.write(bytes, at, bytes.length - at);
        return messages;
    }

    /**
     * The hellos fix the version OpenSSL prints on message lines: the ServerHello's from then on (RFC 8446
     * §4.2.1: supported_versions' selected_version if there, else server_version).
     */
    private void learnVersion(byte[] message) {
        if ((message[0] & 0xFF) == 2 && message.length >= 6) { // server_hello: server_version after the 4-byte header
            try {
                negotiated = ServerHello.decode(Arrays.copyOfRange(message, 4, message.length)).negotiatedVersion();
            } catch (TlsAlertException malformed) { // printed all the same: the version its first bytes say
                negotiated = new ProtocolVersion(message[4] & 0xFF, message[5] & 0xFF);
            }
        } else if ((message[0] & 0xFF) == 1) {
            negotiated = null; // a new handshake on this connection: not agreed yet
        }
    }

    /** The connection's version as OpenSSL's {@code s->version} would say it; else the ClientHello's, else the record's. */
    private String messageVersion(byte[] message, ProtocolVersion recordVersion) {
        if (negotiated != null) {
            return versionName(negotiated);
        }
        if (highestOwnVersion != null) {
            return versionName(highestOwnVersion);
        }
        if (message != null && (message[0] & 0xFF) == 1 && message.length >= 6) { // client_version
            return versionName(new ProtocolVersion(message[4] & 0xFF, message[5] & 0xFF));
        }
        return versionName(recordVersion);
    }

    /** OpenSSL's {@code ssl_versions} names: "SSL 3.0", "TLS 1.0" ... "TLS 1.3", "???" for others. */
    static String versionName(ProtocolVersion version) {
        if (version.major() == 3 && version.minor() <= 4) {
            return version.minor() == 0 ? "SSL 3.0" : "TLS 1." + (version.minor() - 1);
        }
        return "???";
    }

    /** OpenSSL's {@code handshakes} table of apps/lib/s_cb.c, by msg_type. */
    static String handshakeName(int type) {
        return switch (type) {
            case 0 -> "HelloRequest";
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 3 -> "HelloVerifyRequest";
            case 4 -> "NewSessionTicket";
            case 5 -> "EndOfEarlyData";
            case 8 -> "EncryptedExtensions";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            case 21 -> "CertificateUrl";
            case 22 -> "CertificateStatus";
            case 23 -> "SupplementalData";
            case 24 -> "KeyUpdate";
            case 67 -> "NextProto";
            case 254 -> "MessageHash";
            default -> "???";
        };
    }

    /** ", warning close_notify", ", fatal bad_record_mac"; ", ???" for a malformed alert, as OpenSSL. */
    static String alertDetails(byte[] alert) {
        if (alert.length != 2) {
            return ", ???";
        }
        String level = switch (alert[0]) {
            case 1 -> ", warning";
            case 2 -> ", fatal";
            default -> ", ???";
        };
        AlertDescription description = AlertDescription.fromCode(alert[1] & 0xFF);
        return level + " " + (description.rfcName().startsWith("unknown(") ? "???" : description.rfcName());
    }

    /** "title [length 00b3]details", then the bytes, 16 to a line, as OpenSSL's msg_cb. */
    private static void block(StringBuilder text, String title, byte[] bytes, String details) {
        text.append(title).append(String.format(" [length %04x]", bytes.length)).append(details).append('\n');
        for (int i = 0; i < bytes.length; i += 16) {
            text.append("   ");
            for (int j = i; j < Math.min(bytes.length, i + 16); j++) {
                text.append(String.format(" %02x", bytes[j] & 0xFF));
            }
            text.append('\n');
        }
    }

    private void flush(StringBuilder text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }
}
