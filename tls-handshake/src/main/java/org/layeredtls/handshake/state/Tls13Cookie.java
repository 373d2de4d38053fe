package org.layeredtls.handshake.state;

import java.security.MessageDigest;
import java.util.Arrays;

import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.codec.ByteReader;
import org.layeredtls.codec.ByteWriter;
import org.layeredtls.crypto.HashAlgorithm;
import org.layeredtls.crypto.Mac;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.suite.CipherSuite;

/**
 * The cookie our TLS 1.3 server puts in a HelloRetryRequest (RFC 8446 §4.2.2): all it must remember
 * between the two ClientHellos, so that it could forget everything else — the {@code message_hash} that
 * stands for ClientHello1 in the transcript (§4.4.1), the suite and the group (if any) the
 * HelloRetryRequest named — under an HMAC with the server's key, so that a client can read it but not
 * change it. The second ClientHello echoes it; the server checks it and rebuilds the transcript from it.
 *
 * <pre>
 *   u8      format (1)
 *   u16     cipher_suite       the HelloRetryRequest's
 *   u16     selected_group     0: the HelloRetryRequest asked for no key share
 *   opaque  message_hash&lt;1..255&gt;  message_hash(254) || 00 00 Hash.length || Hash(ClientHello1)
 *   opaque  mac[32]            HMAC-SHA256(cookie key, all of the above)
 * </pre>
 *
 * (OpenSSL's cookie holds the same facts, and a timestamp that a truly stateless server needs to refuse
 * old cookies; ours answers on the connection that asked, within its handshake timeout.)
 */
final class Tls13Cookie {

    private static final int FORMAT = 1;
    private static final HashAlgorithm MAC_HASH = HashAlgorithm.SHA256;
    private static final int NO_GROUP = 0;

    /** What a cookie holds; {@code group} null when the HelloRetryRequest asked for no key share. */
    record Contents(CipherSuite suite, NamedGroup group, byte[] messageHash) {
    }

    private Tls13Cookie() {
    }

    /** The cookie for a HelloRetryRequest naming {@code suite} and {@code group} (null: none), after {@code messageHash}. */
    static byte[] make(TlsConfig config, CipherSuite suite, NamedGroup group, byte[] messageHash) {
        ByteWriter out = new ByteWriter(8 + messageHash.length + MAC_HASH.digestLength())
                .u8(FORMAT).u16(suite.code()).u16(group == null ? NO_GROUP : group.code()).vector8(messageHash);
        byte[] content = out.toByteArray();
        return new ByteWriter(content.length + MAC_HASH.digestLength()).bytes(content).bytes(mac(config, content)).toByteArray();
    }

    /**
     * A second ClientHello's cookie, checked in constant time against our HMAC: a cookie we did not make, or
     * that was changed, is illegal_parameter (as OpenSSL's "cookie mismatch").
     */
    static Contents open(TlsConfig config, byte[] cookie) throws TlsAlertException {
        int macLength = MAC_HASH.digestLength();
        if (cookie.length <= macLength) {
            throw tampered("the cookie is too short to be ours");
        }
        byte[] content = Arrays.copyOf(cookie, cookie.length - macLength);
        byte[] received = Arrays.copyOfRange(cookie, cookie.length - macLength, cookie.length);
        if (!MessageDigest.isEqual(mac(config, content), received)) {
            throw tampered("the cookie's HMAC does not verify: not ours, or changed");
        }
        ByteReader in = new ByteReader(content, TlsLayer.HANDSHAKE);
        if (in.u8() != FORMAT) {
            throw tampered("the cookie's format is not ours");
        }
        int suiteCode = in.u16();
        int groupCode = in.u16();
        byte[] messageHash = in.vector8(1, 0xFF);
        in.expectEnd("cookie");
        CipherSuite suite = CipherSuite.fromCode(suiteCode).orElseThrow(() -> tampered("the cookie names no suite we know"));
        NamedGroup group = groupCode == NO_GROUP ? null
                : NamedGroup.fromCode(groupCode).orElseThrow(() -> tampered("the cookie names no group we know"));
        return new Contents(suite, group, messageHash);
    }

    private static byte[] mac(TlsConfig config, byte[] content) {
        byte[] key = config.helloRetryCookieKey();
        try {
            Mac hmac = config.crypto().hmac(MAC_HASH, key);
            hmac.update(content, 0, content.length);
            byte[] out = new byte[hmac.macLength()];
            hmac.doFinal(out, 0);
            return out;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static TlsAlertException tampered(String reason) {
        // RFC 8446 §4.2.2 names no alert; OpenSSL answers a cookie that does not verify with illegal_parameter
        return HandshakeContext.alert(AlertDescription.ILLEGAL_PARAMETER, reason);
    }
}
