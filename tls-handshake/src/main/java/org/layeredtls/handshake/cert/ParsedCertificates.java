package org.layeredtls.handshake.cert;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The certificates parsed lately, by their DER bytes, the least recently used dropped past {@value #CAPACITY}:
 * a chain met again (a server's CA certificate in every handshake, the same server connected to again) is not
 * parsed again. A {@link Certificate} is immutable and equal to another when their DER bytes are, so a hit
 * gives what parsing would; only parsing is saved, every check of the certificate is still made per use. The
 * JDK's {@code CertificateFactory} keeps such a cache too (750 entries, by encoding). Thread-safe.
 */
final class ParsedCertificates {

    /** How many certificates are kept (a few servers' chains and the trust anchors in use). */
    static final int CAPACITY = 128;

    static final ParsedCertificates SHARED = new ParsedCertificates();

    private final Map<Der, Certificate> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Der, Certificate> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The certificate parsed from exactly these bytes before, or null. */
    Certificate get(byte[] der) {
        synchronized (recent) {
            return recent.get(new Der(der));
        }
    }

    void put(Certificate certificate) {
        synchronized (recent) {
            recent.put(new Der(certificate.encoded()), certificate);
        }
    }

    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    /** DER bytes as a map key: a lookup wraps the caller's array and keeps nothing; an entry keeps a copy of its own. */
    private record Der(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Der that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
