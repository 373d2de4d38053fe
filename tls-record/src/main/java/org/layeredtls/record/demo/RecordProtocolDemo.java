package org.layeredtls.record.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.crypto.CryptoBackend;
import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.DeterministicRandomSource;
import org.layeredtls.crypto.RandomSource;
import org.layeredtls.record.BulkCipherAlgorithm;
import org.layeredtls.record.CipherSpec;
import org.layeredtls.record.CipherType;
import org.layeredtls.record.CompressionMethod;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.MacAlgorithm;
import org.layeredtls.record.PaddingPolicy;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.RecordLayer;
import org.layeredtls.record.RecordLimits;
import org.layeredtls.record.RecordObserver;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;
import org.layeredtls.record.TrafficKeys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Record protocol, live: a message goes through fragment → compress → MAC → encrypt record
 * by record, every form is printed, and a second record layer reads it all back. Then one bit of
 * the last record is flipped on the wire, and the reader answers with the alert the RFC names.
 */
@Command(name = "record-demo", mixinStandardHelpOptions = true,
        description = "Shows a message fragmented, compressed, MACed and encrypted record by record, then decrypted back.")
public final class RecordProtocolDemo implements Callable<Integer> {

    static final String DEFAULT_MESSAGE = "<soap:Envelope><soap:Body><cwmp:Inform><DeviceId>"
            + "<Manufacturer>LayeredTLS</Manufacturer><OUI>00D09E</OUI><SerialNumber>CPE-0001</SerialNumber>"
            + "</DeviceId><Event><EventStruct><EventCode>0 BOOTSTRAP</EventCode></EventStruct></Event>"
            + "</cwmp:Inform></soap:Body></soap:Envelope>";

    /** RFC 8446 §5.3: every TLS 1.3 AEAD takes a 12-byte iv. */
    private static final int TLS13_IV_LENGTH = 12;

    @Option(names = "--message", description = "the application data to send (default: a CWMP Inform)")
    String message = DEFAULT_MESSAGE;

    // --tls-version, as the other layeredtls commands: --version is the standard -V/--version of picocli
    @Option(names = "--tls-version", description = "SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 (default: ${DEFAULT-VALUE})")
    String version = "TLSv1.2";

    @Option(names = "--cipher", description = "the bulk cipher: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    BulkCipherAlgorithm cipher = BulkCipherAlgorithm.AES_128_CBC;

    @Option(names = "--mac", description = "the MAC for stream and block ciphers: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    MacAlgorithm mac = MacAlgorithm.HMAC_SHA1;

    @Option(names = "--etm", description = "encrypt-then-MAC (RFC 7366) instead of MAC-then-encrypt")
    boolean encryptThenMac;

    @Option(names = "--fragment", description = "the maximum fragment length, 63..16384 (default: ${DEFAULT-VALUE})")
    int fragmentLimit = 128;

    @Option(names = "--deflate", description = "compress with DEFLATE (RFC 3749; see CRIME before using it for real)")
    boolean deflate;

    @Option(names = "--padding", paramLabel = "N", description = "TLS 1.3: pad each record's inner plaintext to a multiple"
            + " of N bytes (RFC 8446 §5.4), to hide the content's length")
    int padding;

    @Option(names = {"--html", "-html"}, paramLabel = "FILE", description = "also write the records as an illustrated page:"
            + " one self-contained HTML file, each record's three forms byte by byte (through ./layeredtls)")
    java.nio.file.Path html;

    /** Makes the -html page; set by the launcher (see {@link RecordPage}). */
    private java.util.function.Supplier<RecordPage> pages;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    private final PrintStream out;

    /** The demo printing to standard output (how the {@code layeredtls} launcher runs it). */
    public RecordProtocolDemo() {
        this(System.out);
    }

    RecordProtocolDemo(PrintStream out) {
        this.out = out;
    }

    /** Lets {@code -html} write a page, with pages from {@code pages}. */
    public RecordProtocolDemo illustratedBy(java.util.function.Supplier<RecordPage> pages) {
        this.pages = pages;
        return this;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RecordProtocolDemo(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ProtocolVersion protocolVersion = parseVersion(version);
        if (!RecordLimits.isValidFragmentLimit(fragmentLimit)) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "--fragment must lie in 63..16384 (RFC 6066 and RFC 8449 limits), not " + fragmentLimit);
        }
        if (html != null && pages == null) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "-html needs the page writer of the handshake module: run it as ./layeredtls record-demo -html FILE");
        }
        boolean tls13 = protocolVersion.equals(ProtocolVersion.TLS1_3);
        checkTls13Options(tls13);
        RecordPage page = html == null ? null : pages.get();
        CipherSpec spec = new CipherSpec(cipher, cipher.type() == CipherType.AEAD ? MacAlgorithm.NULL : mac, encryptThenMac);
        CompressionMethod compression = deflate ? CompressionMethod.DEFLATE : CompressionMethod.NULL;
        CryptoProvider crypto = CryptoProvider.defaultProvider();
        RandomSource keyRandom = DeterministicRandomSource.fromLabel("record demo keys");
        int ivLength = tls13 ? TLS13_IV_LENGTH
                : spec.type() == CipherType.BLOCK && protocolVersion.hasExplicitIv() ? 0 : cipher.fixedIvLength();
        TrafficKeys keys = new TrafficKeys(keyRandom.nextBytes(spec.mac().macLength()),
                keyRandom.nextBytes(cipher.keyLength()), keyRandom.nextBytes(ivLength));

        out.printf("The Record protocol, %s, %s, %s, fragments of at most %d bytes%n", protocolVersion.displayName(),
                describe(spec), tls13 ? "no compression (TLS 1.3 has none)" : compression + " compression", fragmentLimit);
        out.printf(tls13 ? "Demo keys (normally derived from a traffic secret by the key schedule, RFC 8446 §7.3):%n"
                : "Demo keys (normally cut from the key block by the handshake):%n");
        if (tls13) {
            out.printf("  write key      %s%n  write iv       %s%n%n", HexDump.hex(keys.encryptionKey()), HexDump.hex(keys.fixedIv()));
        } else {
            out.printf("  MAC key        %s%n  encryption key %s%n  fixed IV       %s%n%n",
                    orNone(keys.macKey()), orNone(keys.encryptionKey()), orNone(keys.fixedIv()));
        }

        // --- writing -------------------------------------------------------------------------
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer writer = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire, () -> { });
        writer.setWriteVersion(protocolVersion);
        writer.setSendFragmentLimit(fragmentLimit);
        List<byte[]> records = new ArrayList<>();
        RecordObserver printer = new RecordObserver() {
            @Override
            public void recordWritten(long seq, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
                records.add(ciphertext.fragment());
                printRecord(seq, plaintext, compressed, ciphertext, spec, keys, protocolVersion);
            }
        };
        // set before the state change, so that a page sees which protection the records get
        writer.setObserver(page == null ? printer : new RecordObserver() {
            @Override
            public void recordWritten(long seq, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext) {
                printer.recordWritten(seq, plaintext, compressed, ciphertext);
                page.observer().recordWritten(seq, plaintext, compressed, ciphertext);
            }

            @Override
            public void writeStateChanged(ConnectionState newState) {
                page.observer().writeStateChanged(newState);
            }
        });
        if (tls13) { // RFC 8446 §5.1: keys change at once, no ChangeCipherSpec
            writer.setPaddingPolicy(padding > 0 ? PaddingPolicy.padToMultipleOf(padding) : PaddingPolicy.NONE);
            if (page != null) {
                page.tls13Keys(keys.encryptionKey(), keys.fixedIv());
            }
            writer.installWriteState(ConnectionState.tls13(cipher, keys.encryptionKey(), keys.fixedIv(), CryptoBackend.BOUNCY_CASTLE));
        } else {
            writer.setPendingWriteState(ConnectionState.create(protocolVersion, spec, keys, compression, true, crypto,
                    DeterministicRandomSource.fromLabel("record demo IVs")));
            writer.activatePendingWriteState();
        }
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        out.printf("Sending %d bytes of application data:%n%s%n", data.length, HexDump.dump(data, 0, data.length, "  ", 4));
        writer.write(ContentType.APPLICATION_DATA, data);
        byte[] bytesOnWire = wire.toByteArray();
        out.printf("%d records, %d bytes on the wire for %d bytes of data.%n%n", records.size(), bytesOnWire.length, data.length);

        // --- reading -------------------------------------------------------------------------
        out.println("Reading them back with the peer's read state (the mirror image: open, decompress, reassemble):");
        byte[] received = readAll(bytesOnWire, protocolVersion, spec, keys, compression, crypto);
        out.printf("  recovered %d bytes, identical to what was sent: %s%n%n", received.length,
                Arrays.equals(received, data) ? "yes" : "NO");

        // --- tampering -----------------------------------------------------------------------
        byte[] tampered = bytesOnWire.clone();
        tampered[tampered.length - 1] ^= 0x01;
        out.println("Flipping one bit in the last byte of the last record, as an attacker on the path could:");
        try {
            readAll(tampered, protocolVersion, spec, keys, compression, crypto);
            out.println("  the record was accepted: " + (spec.equals(CipherSpec.NULL_WITH_NULL_NULL) ? "no MAC protects it" : "UNEXPECTED"));
        } catch (TlsAlertException e) {
            out.printf("  the reader refuses it: %s%n  and would send the fatal alert %s, bytes %s%n", e.getMessage(),
                    e.description().rfcName(), HexDump.hex(e.alert().encode()));
        }
        if (page != null) {
            page.write(html, "The illustrated records: record-demo, " + protocolVersion.displayName() + ", " + describe(spec));
            out.println("Illustrated page of the records: " + html);
        }
        return Arrays.equals(received, data) ? 0 : 1;
    }

    private byte[] readAll(byte[] wire, ProtocolVersion protocolVersion, CipherSpec spec, TrafficKeys keys,
                           CompressionMethod compression, CryptoProvider crypto) throws java.io.IOException {
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire), new ByteArrayOutputStream(), () -> { });
        if (protocolVersion.equals(ProtocolVersion.TLS1_3)) {
            reader.installReadState(ConnectionState.tls13(spec.bulkCipher(), keys.encryptionKey(), keys.fixedIv(),
                    CryptoBackend.BOUNCY_CASTLE));
        } else {
            reader.setPendingReadState(ConnectionState.create(protocolVersion, spec, keys, compression, false, crypto,
                    DeterministicRandomSource.fromLabel("unused")));
            reader.activatePendingReadState();
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        TLSPlaintext record;
        while ((record = reader.readRecord()) != null) {
            data.writeBytes(record.fragment());
        }
        return data.toByteArray();
    }

    private void printRecord(long seq, TLSPlaintext plaintext, TLSCompressed compressed, TLSCiphertext ciphertext,
                             CipherSpec spec, TrafficKeys keys, ProtocolVersion protocolVersion) {
        byte[] p = plaintext.fragment();
        byte[] c = compressed.fragment();
        byte[] e = ciphertext.fragment();
        out.printf("Record %d (sequence number %d)%n", seq + 1, seq);
        out.printf("  1. fragment    TLSPlaintext  { %s, %s, length %d }%n%s", plaintext.type(),
                protocolVersion.displayName(), p.length, HexDump.dump(p, 0, p.length, "       ", 3));
        if (protocolVersion.equals(ProtocolVersion.TLS1_3)) {
            printTls13Record(seq, plaintext.type(), p, c, ciphertext, keys.fixedIv());
            return;
        }
        out.printf("  2. compress    TLSCompressed { length %d }%s%n", c.length,
                Arrays.equals(p, c) ? " (null compression: the same bytes)" : "");
        if (!Arrays.equals(p, c)) {
            out.print(HexDump.dump(c, 0, c.length, "       ", 3));
        }
        if (spec.type() != CipherType.AEAD && spec.mac() != MacAlgorithm.NULL && !protocolVersion.isSsl3()
                && !spec.encryptThenMac()) {
            byte[] macValue = hmac(seq, compressed.type().code(), protocolVersion, c, spec, keys);
            out.printf("  3. MAC         HMAC(MAC key, seq_num | type | version | length | fragment) = %s%n",
                    HexDump.hex(macValue));
        } else if (spec.type() != CipherType.AEAD && spec.mac() != MacAlgorithm.NULL) {
            out.printf("  3. MAC         %s%n", protocolVersion.isSsl3() ? "the SSL 3.0 MAC (pad_1/pad_2 construction)"
                    : "computed over the ciphertext (encrypt-then-MAC)");
        }
        out.printf("  4. protect     TLSCiphertext { length %d }: %s%n", e.length, layout(spec, protocolVersion, e.length, c.length));
        out.print(HexDump.dump(e, 0, e.length, "       ", 3));
        printHeader(ciphertext);
    }

    /** RFC 8446 §5.2, §5.4: the content type goes inside, zeros after it, an application_data header outside. */
    private void printTls13Record(long seq, ContentType type, byte[] content, byte[] inner, TLSCiphertext ciphertext, byte[] iv) {
        byte[] e = ciphertext.fragment();
        int zeros = inner.length - content.length - 1;
        out.printf("  2. inner       TLSInnerPlaintext { content (%d) | type %s (%02x) | zeros (%d) }, length %d%n",
                content.length, type, inner[content.length], zeros, inner.length);
        out.println("                 (no compression and no MAC in TLS 1.3: the AEAD's tag authenticates)");
        out.printf("  3. protect     TLSCiphertext { length %d }: AEAD( TLSInnerPlaintext (%d) ) | tag (%d)%n", e.length,
                inner.length, cipher.tagLength());
        out.printf("                 nonce = iv XOR %d = %s, additional data = the 5-byte header below%n", seq,
                HexDump.hex(ConnectionState.tls13Nonce(iv, seq)));
        out.print(HexDump.dump(e, 0, e.length, "       ", 3));
        printHeader(ciphertext);
    }

    private void printHeader(TLSCiphertext ciphertext) {
        int length = ciphertext.length();
        out.printf("  on the wire    header %s + %d bytes%n%n", HexDump.hex(new byte[] {(byte) ciphertext.type().code(),
                (byte) ciphertext.version().major(), (byte) ciphertext.version().minor(), (byte) (length >>> 8),
                (byte) length}), length);
    }

    /** What TLS 1.3 does not have: non-AEAD ciphers, compression; and --padding, which only TLS 1.3 has. */
    private void checkTls13Options(boolean tls13) {
        String refusal = null;
        if (tls13 && cipher.type() != CipherType.AEAD) {
            refusal = "TLS 1.3 protects records with an AEAD only: --cipher AES_128_GCM, AES_256_GCM, CHACHA20_POLY1305,"
                    + " AES_128_CCM or AES_128_CCM_8";
        } else if (tls13 && deflate) {
            refusal = "TLS 1.3 has no compression (CRIME): drop --deflate";
        } else if (!tls13 && padding != 0) {
            refusal = "--padding is TLS 1.3's (RFC 8446 §5.4): add --tls-version TLSv1.3";
        } else if (!tls13 && (cipher == BulkCipherAlgorithm.AES_128_CCM || cipher == BulkCipherAlgorithm.AES_128_CCM_8)) {
            refusal = cipher + " protects TLS 1.3 records only here: add --tls-version TLSv1.3";
        } else if (padding < 0) {
            refusal = "--padding takes a block size of at least 1";
        }
        if (refusal != null) {
            throw new CommandLine.ParameterException(commandSpec.commandLine(), refusal);
        }
    }

    private static byte[] hmac(long seq, int type, ProtocolVersion version, byte[] fragment, CipherSpec spec, TrafficKeys keys) {
        var mac = CryptoProvider.defaultProvider().hmac(spec.mac().hash(), keys.macKey());
        for (int i = 7; i >= 0; i--) {
            mac.update((byte) (seq >>> (8 * i)));
        }
        mac.update((byte) type);
        mac.update((byte) version.major());
        mac.update((byte) version.minor());
        mac.update((byte) (fragment.length >>> 8));
        mac.update((byte) fragment.length);
        mac.update(fragment, 0, fragment.length);
        byte[] result = new byte[mac.macLength()];
        mac.doFinal(result, 0);
        return result;
    }

    private static String layout(CipherSpec spec, ProtocolVersion version, int total, int contentLength) {
        BulkCipherAlgorithm bulk = spec.bulkCipher();
        int macLength = spec.mac().macLength();
        return switch (spec.type()) {
            case STREAM -> bulk == BulkCipherAlgorithm.NULL
                    ? "fragment (" + contentLength + ") | MAC (" + macLength + "), in the clear"
                    : "RC4( fragment (" + contentLength + ") | MAC (" + macLength + ") )";
            case BLOCK -> {
                int iv = version.hasExplicitIv() ? bulk.blockLength() : 0;
                int body = total - iv - (spec.encryptThenMac() ? macLength : 0);
                int padding = body - contentLength - (spec.encryptThenMac() ? 0 : macLength);
                String inside = "fragment (" + contentLength + ")" + (spec.encryptThenMac() ? "" : " | MAC (" + macLength + ")")
                        + " | padding (" + padding + " bytes, each " + (padding - 1) + ")";
                yield (iv > 0 ? "explicit IV (" + iv + ") | " : "")
                        + "CBC( " + inside + " )" + (spec.encryptThenMac() ? " | MAC (" + macLength + ")" : "");
            }
            case AEAD -> (bulk.recordIvLength() > 0 ? "explicit nonce (" + bulk.recordIvLength() + ") | " : "")
                    + "encrypted fragment (" + contentLength + ") | tag (" + bulk.tagLength() + ")";
        };
    }

    private static String describe(CipherSpec spec) {
        return spec.bulkCipher() + (spec.type() == CipherType.AEAD ? "" : " with " + spec.mac()
                + (spec.type() == CipherType.BLOCK ? (spec.encryptThenMac() ? ", encrypt-then-MAC" : ", MAC-then-encrypt") : ""));
    }

    private static String orNone(byte[] bytes) {
        return bytes.length == 0 ? "(none)" : HexDump.hex(bytes);
    }

    private ProtocolVersion parseVersion(String name) {
        return switch (name) {
            case "SSLv3" -> ProtocolVersion.SSL3_0;
            case "TLSv1", "TLSv1.0" -> ProtocolVersion.TLS1_0;
            case "TLSv1.1" -> ProtocolVersion.TLS1_1;
            case "TLSv1.2" -> ProtocolVersion.TLS1_2;
            case "TLSv1.3" -> ProtocolVersion.TLS1_3;
            default -> throw new CommandLine.ParameterException(commandSpec.commandLine(),
                    "unknown version " + name + " (SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3)");
        };
    }
}
