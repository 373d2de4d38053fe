package org.layeredtls.record.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.BouncyCastleCrypto;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.TLSPlaintext;

/**
 * Our TLS 1.3 record layer against OpenSSL's, for each TLS 1.3 suite: a real {@code openssl s_client} /
 * {@code s_server} connection is recorded through a relay; with the traffic secrets of s_client's key log
 * our record layer reads both directions (the compatibility CCS in the clear, the encrypted handshake, the
 * NewSessionTickets, the data, the encrypted close_notify), and our writer, keyed the same, writes
 * OpenSSL's records byte for byte.
 */
class OpenSslTls13RecordInteropTest {

    @TempDir
    static Path directory;
    private static OpenSslTls13Connection.Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new OpenSslTls13Connection.Server(directory);
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.close();
    }

    @ParameterizedTest(name = "{0} on {3}")
    @CsvSource({
        "TLS_AES_128_GCM_SHA256, AES_128_GCM, SHA256, BOUNCY_CASTLE",
        "TLS_AES_256_GCM_SHA384, AES_256_GCM, SHA384, BOUNCY_CASTLE",
        "TLS_CHACHA20_POLY1305_SHA256, CHACHA20_POLY1305, SHA256, BOUNCY_CASTLE",
        "TLS_AES_128_CCM_SHA256, AES_128_CCM, SHA256, BOUNCY_CASTLE",
        "TLS_AES_128_CCM_8_SHA256, AES_128_CCM_8, SHA256, BOUNCY_CASTLE",
        "TLS_AES_128_GCM_SHA256, AES_128_GCM, SHA256, JDK",
        "TLS_CHACHA20_POLY1305_SHA256, CHACHA20_POLY1305, SHA256, JDK",
    })
    void readsAndWritesOpenSslsRecordsInBothDirections(String suite, BulkCipherAlgorithm aead, HashAlgorithm hash,
                                                       CryptoBackend backend) throws Exception {
        OpenSslTls13Connection connection = OpenSslTls13Connection.record(server, suite, directory);
        Direction client = new Direction(aead, hash, backend,
                connection.secret("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), connection.secret("CLIENT_TRAFFIC_SECRET_0"));
        Direction server = new Direction(aead, hash, backend,
                connection.secret("SERVER_HANDSHAKE_TRAFFIC_SECRET"), connection.secret("SERVER_TRAFFIC_SECRET_0"));

        List<TLSPlaintext> fromClient = client.replay(connection.clientToServer);
        List<TLSPlaintext> fromServer = server.replay(connection.serverToClient);

        assertEquals(List.of(ContentType.HANDSHAKE, ContentType.CHANGE_CIPHER_SPEC, ContentType.HANDSHAKE,
                ContentType.APPLICATION_DATA, ContentType.ALERT), types(fromClient), "ClientHello, CCS, {Finished}, data, alert");
        assertArrayEquals("hello\n".getBytes(StandardCharsets.US_ASCII), fromClient.get(3).fragment());
        assertArrayEquals(new byte[] {1, 0}, fromClient.get(4).fragment(), "close_notify, encrypted");
        assertEquals(1, client.compatibilityCcs);

        assertEquals(ContentType.HANDSHAKE, fromServer.get(0).type(), "ServerHello");
        assertEquals(ContentType.CHANGE_CIPHER_SPEC, fromServer.get(1).type());
        assertTrue(fromServer.stream().anyMatch(r -> r.type() == ContentType.APPLICATION_DATA
                && Arrays.equals(r.fragment(), "olleh\n".getBytes(StandardCharsets.US_ASCII))), "the reversed line");
        assertEquals(1, server.compatibilityCcs);
        assertTrue(server.applicationKeysInstalled, "the server's Finished was found and its application keys used");

        assertArrayEquals(client.consumed, client.rewritten.toByteArray(), "our records are OpenSSL's client records");
        assertArrayEquals(server.consumed, server.rewritten.toByteArray(), "our records are OpenSSL's server records");
    }

    private static List<ContentType> types(List<TLSPlaintext> records) {
        return records.stream().map(TLSPlaintext::type).toList();
    }

    /**
     * One direction of the connection, read as its receiver would and written again as its sender
     * would: the first record in the clear, then the handshake traffic keys, then, after the record
     * holding the sender's Finished, the application traffic keys.
     */
    private static final class Direction {
        final BulkCipherAlgorithm aead;
        final HashAlgorithm hash;
        final CryptoBackend backend;
        final byte[] handshakeSecret;
        final byte[] applicationSecret;
        int compatibilityCcs; // RFC 8446 D.4: OpenSSL sends one each way by default
        final ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        byte[] consumed;
        boolean applicationKeysInstalled;

        Direction(BulkCipherAlgorithm aead, HashAlgorithm hash, CryptoBackend backend, byte[] handshakeSecret,
                  byte[] applicationSecret) {
            this.aead = aead;
            this.hash = hash;
            this.backend = backend;
            this.handshakeSecret = handshakeSecret;
            this.applicationSecret = applicationSecret;
        }

        /** RFC 8446 §7.3: [sender]_write_key and [sender]_write_iv from a traffic secret. */
        ConnectionState keyedWith(byte[] trafficSecret) {
            return ConnectionState.tls13(aead, expandLabel(trafficSecret, "key", aead.keyLength()),
                    expandLabel(trafficSecret, "iv", 12), backend);
        }

        List<TLSPlaintext> replay(byte[] stream) throws IOException {
            CountingInput counted = new CountingInput(stream);
            RecordLayer reader = new RecordLayer(counted, OutputStream.nullOutputStream(), () -> { });
            RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), rewritten, () -> { });
            List<TLSPlaintext> records = new ArrayList<>();
            ByteArrayOutputStream handshake = new ByteArrayOutputStream();
            int consumedBytes = 0;
            try {
                for (TLSPlaintext record; (record = reader.readRecord()) != null; ) {
                    consumedBytes = counted.position();
                    records.add(record);
                    if (records.size() == 1) { // the hello, in the clear; then the handshake keys
                        writer.setWriteVersion(record.version());
                        writer.write(record.type(), record.fragment());
                        reader.installReadState(keyedWith(handshakeSecret));
                        writer.installWriteState(keyedWith(handshakeSecret));
                        continue;
                    }
                    if (record.type() == ContentType.CHANGE_CIPHER_SPEC) { // in the clear, exactly 01
                        assertArrayEquals(new byte[] {1}, record.fragment());
                        compatibilityCcs++;
                    }
                    writer.write(record.type(), record.fragment());
                    if (record.type() == ContentType.HANDSHAKE && !applicationKeysInstalled) {
                        handshake.writeBytes(record.fragment());
                        if (endsWithFinished(handshake.toByteArray())) { // RFC 8446 §5.1: keys change at a record boundary
                            reader.installReadState(keyedWith(applicationSecret));
                            writer.installWriteState(keyedWith(applicationSecret));
                            applicationKeysInstalled = true;
                        }
                    }
                }
            } catch (EOFException truncated) {
                // the relay stopped inside a record (a peer closed mid-write): what was read is complete
                assertTrue(truncated.getMessage().contains("inside a record"));
            } catch (TlsAlertException refused) {
                throw new AssertionError("our record layer refused OpenSSL's record " + (records.size() + 1), refused);
            }
            consumed = Arrays.copyOf(stream, consumedBytes);
            return records;
        }

        private static boolean endsWithFinished(byte[] messages) {
            int offset = 0;
            int lastType = -1;
            while (offset + 4 <= messages.length) {
                int length = ((messages[offset + 1] & 0xFF) << 16) | ((messages[offset + 2] & 0xFF) << 8)
                        | (messages[offset + 3] & 0xFF);
                if (offset + 4 + length > messages.length) {
                    return false;
                }
                lastType = messages[offset] & 0xFF;
                offset += 4 + length;
            }
            return offset == messages.length && lastType == 20;
        }

        /** RFC 8446 §7.1 HKDF-Expand-Label with an empty context, for lengths up to one hash output. */
        private byte[] expandLabel(byte[] secret, String label, int length) {
            byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            info.write(length >>> 8);
            info.write(length);
            info.write(fullLabel.length);
            info.writeBytes(fullLabel);
            info.write(0); // context: empty
            info.write(1); // HKDF-Expand's counter for T(1) (RFC 5869 §2.3)
            Mac hmac = BouncyCastleCrypto.INSTANCE.hmac(hash, secret);
            byte[] t1 = info.toByteArray();
            hmac.update(t1, 0, t1.length);
            byte[] out = new byte[hmac.macLength()];
            hmac.doFinal(out, 0);
            return Arrays.copyOf(out, length);
        }
    }

    /** A stream over recorded bytes that says how many have been read: where the last whole record ended. */
    private static final class CountingInput extends ByteArrayInputStream {
        CountingInput(byte[] bytes) {
            super(bytes);
        }

        int position() {
            return pos;
        }
    }
}
