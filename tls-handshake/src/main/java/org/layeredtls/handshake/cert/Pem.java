package org.layeredtls.handshake.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.layeredtls.crypto.PrivateKey;
import org.layeredtls.crypto.PublicKey;

/**
 * PEM (RFC 7468) as OpenSSL writes it: {@code CERTIFICATE}, {@code PRIVATE KEY} (PKCS#8),
 * {@code RSA PRIVATE KEY} (PKCS#1), {@code EC PRIVATE KEY} (SEC 1, possibly after an
 * {@code EC PARAMETERS} block as {@code openssl ecparam -genkey} writes), {@code PUBLIC KEY}.
 * Text outside the blocks (such as {@code openssl x509 -text} output) is ignored. The readers
 * also take plain DER: input that starts with a SEQUENCE tag (0x30) is read as one DER object.
 */
public final class Pem {

    public static final String CERTIFICATE = "CERTIFICATE";
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    public static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    public static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    public static final String EC_PARAMETERS = "EC PARAMETERS";
    public static final String PUBLIC_KEY = "PUBLIC KEY";

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private Pem() {
    }

    /** All PEM blocks of a text, in order. */
    public static List<PemBlock> decode(String text) throws CertificateParseException {
        List<PemBlock> blocks = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++].strip();
            if (!line.startsWith(BEGIN)) {
                continue;
            }
            String label = label(line, BEGIN);
            StringBuilder base64 = new StringBuilder();
            boolean ended = false;
            while (i < lines.length) {
                String body = lines[i++].strip();
                if (body.startsWith(END)) {
                    if (!label(body, END).equals(label)) {
                        throw new CertificateParseException("PEM block BEGIN " + label + " ends with " + body);
                    }
                    ended = true;
                    break;
                }
                if (body.contains(":")) {
                    // RFC 1421 headers: "Proc-Type: 4,ENCRYPTED" marks an encrypted legacy key
                    throw new CertificateParseException("encrypted or header-carrying PEM (" + body
                            + ") is not supported; decrypt the key with openssl first");
                }
                base64.append(body);
            }
            if (!ended) {
                throw new CertificateParseException("PEM block " + label + " has no END line");
            }
            try {
                blocks.add(new PemBlock(label, Base64.getDecoder().decode(base64.toString())));
            } catch (IllegalArgumentException e) {
                throw new CertificateParseException("PEM block " + label + " is not valid Base64", e);
            }
        }
        return blocks;
    }

    private static String label(String line, String prefix) throws CertificateParseException {
        if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
            throw new CertificateParseException("malformed PEM boundary line: " + line);
        }
        return line.substring(prefix.length(), line.length() - DASHES.length());
    }

    /** A PEM block with 64-character lines, as OpenSSL writes it. */
    public static String encode(String label, byte[] der) {
        StringBuilder out = new StringBuilder(BEGIN).append(label).append(DASHES).append('\n');
        String base64 = Base64.getEncoder().encodeToString(der);
        for (int i = 0; i < base64.length(); i += 64) {
            out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return out.append(END).append(label).append(DASHES).append('\n').toString();
    }

    /** Every certificate of a PEM bundle (in file order), or the one certificate of a DER file. */
    public static List<Certificate> readCertificates(byte[] file) throws CertificateParseException {
        if (isDer(file)) {
            return List.of(Certificate.parse(file));
        }
        List<Certificate> certificates = new ArrayList<>();
        for (PemBlock block : decode(text(file))) {
            if (block.label().equals(CERTIFICATE) || block.label().equals("X509 CERTIFICATE")
                    || block.label().equals("TRUSTED CERTIFICATE")) {
                certificates.add(Certificate.parse(block.der()));
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateParseException("no CERTIFICATE block found");
        }
        return certificates;
    }

    /** Reads {@link #readCertificates(byte[])} from a file. */
    public static List<Certificate> readCertificates(Path file) throws IOException {
        return readCertificates(Files.readAllBytes(file));
    }

    /**
     * The private key of a PEM or DER file: PKCS#8, PKCS#1 RSA or SEC 1 EC (an EC PARAMETERS block
     * before it is skipped). DER input is tried as PKCS#8, then PKCS#1, then SEC 1.
     */
    public static PrivateKey readPrivateKey(byte[] file) throws CertificateParseException {
        if (isDer(file)) {
            try {
                return KeyEncoding.decodePkcs8(file);
            } catch (CertificateParseException notPkcs8) {
                try {
                    return KeyEncoding.decodePkcs1(file);
                } catch (CertificateParseException notPkcs1) {
                    return KeyEncoding.decodeSec1(file);
                }
            }
        }
        for (PemBlock block : decode(text(file))) {
            switch (block.label()) {
                case PRIVATE_KEY:
                    return KeyEncoding.decodePkcs8(block.der());
                case RSA_PRIVATE_KEY:
                    return KeyEncoding.decodePkcs1(block.der());
                case EC_PRIVATE_KEY:
                    return KeyEncoding.decodeSec1(block.der());
                case "ENCRYPTED PRIVATE KEY":
                    throw new CertificateParseException("encrypted PKCS#8 keys are not supported");
                default:
                    break; // EC PARAMETERS, CERTIFICATE, ...: not the key
            }
        }
        throw new CertificateParseException("no private key block found");
    }

    /** Reads {@link #readPrivateKey(byte[])} from a file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        return readPrivateKey(Files.readAllBytes(file));
    }

    /** The public key of a {@code PUBLIC KEY} PEM block or a DER SubjectPublicKeyInfo. */
    public static PublicKey readPublicKey(byte[] file) throws CertificateParseException {
        if (isDer(file)) {
            return KeyEncoding.decodePublicKey(file);
        }
        for (PemBlock block : decode(text(file))) {
            if (block.label().equals(PUBLIC_KEY)) {
                return KeyEncoding.decodePublicKey(block.der());
            }
        }
        throw new CertificateParseException("no PUBLIC KEY block found");
    }

    /** A certificate as a PEM block. */
    public static String encodeCertificate(Certificate certificate) {
        return encode(CERTIFICATE, certificate.encoded());
    }

    /** A private key as a PKCS#8 {@code PRIVATE KEY} PEM block. */
    public static String encodePrivateKey(PrivateKey key) {
        return encode(PRIVATE_KEY, KeyEncoding.encodePkcs8(key));
    }

    /** A public key as a {@code PUBLIC KEY} PEM block. */
    public static String encodePublicKey(PublicKey key) {
        return encode(PUBLIC_KEY, KeyEncoding.encodePublicKey(key));
    }

    private static boolean isDer(byte[] file) {
        return file.length > 0 && file[0] == 0x30;
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII);
    }
}
