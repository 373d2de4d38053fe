package org.layeredtls.vectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The record-protection reference vectors: records protected by OpenSSL (never by LayeredTLS) for
 * every version from SSL 3.0 to TLS 1.2 and every protection scheme the record layer implements
 * (NULL and RC4 streams, CBC MAC-then-encrypt, CBC encrypt-then-MAC, AES-GCM, ChaCha20-Poly1305).
 *
 * <p>The file, {@value #RESOURCE} on the classpath, is written by
 * {@code test-vectors/scripts/generate-record-vectors.sh}. It is line based and meant to be read:
 * {@code #} comments, then {@code openssl =}, {@code date =} and {@code count =} lines, then
 * {@code count} blocks of this shape (hex in lower case, an empty value stays empty):
 *
 * <pre>
 * vector = TLS1_1-AES_128_CBC-HMAC_SHA1-seq0000000000000000
 * version = 0302
 * bulk = AES_128_CBC
 * mac = HMAC_SHA1
 * etm = false
 * mac_key = 20 bytes of hex
 * enc_key = 16 bytes of hex
 * fixed_iv =
 * records = 3
 * record
 * seq = 0000000000000000
 * type = 22
 * explicit_iv = 16 bytes of hex
 * plaintext = hex
 * fragment = hex
 * record
 * ...
 * end
 * </pre>
 *
 * <p>Parsing is strict: every line must be where the format puts it, every hex string well formed,
 * every key as long as its algorithm needs, the sequence numbers consecutive, the counts right;
 * anything else is a {@link VectorFormatException} naming the line.
 */
public final class RecordProtectionVectors {

    /** Where the vectors live on the classpath. */
    public static final String RESOURCE = "/org/layeredtls/vectors/record-protection.txt";

    private final String opensslVersion;
    private final String date;
    private final List<RecordProtectionVector> vectors;

    RecordProtectionVectors(String opensslVersion, String date, List<RecordProtectionVector> vectors) {
        this.opensslVersion = opensslVersion;
        this.date = date;
        this.vectors = List.copyOf(vectors);
    }

    /**
     * Reads and checks the vectors shipped in this module.
     *
     * @throws VectorFormatException if the file is malformed
     * @throws UncheckedIOException  if it cannot be read
     */
    public static RecordProtectionVectors load() {
        try (InputStream in = RecordProtectionVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(RESOURCE + " is not on the classpath"));
            }
            return parse(new InputStreamReader(in, StandardCharsets.US_ASCII), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks vectors in this format from any reader (the reader is not closed).
     *
     * @param source a name for error messages, such as the file name
     * @throws VectorFormatException if the text is malformed
     * @throws UncheckedIOException  if it cannot be read
     */
    public static RecordProtectionVectors parse(Reader reader, String source) {
        try {
            return new VectorFileParser(new BufferedReader(reader), source).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code openssl version} line of the OpenSSL that computed the vectors. */
    public String opensslVersion() {
        return opensslVersion;
    }

    /** The day the vectors were generated (yyyy-mm-dd). */
    public String date() {
        return date;
    }

    /** All vectors, in file order. */
    public List<RecordProtectionVector> vectors() {
        return vectors;
    }
}
