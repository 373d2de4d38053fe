package org.layeredtls.cwmp.http;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The arithmetic of HTTP Digest authentication with MD5 and {@code qop=auth} (RFC 7616 §3.4.1,
 * the same as RFC 2617 §3.2.2), which TR-069 requires for the Connection Request and allows for
 * CPEs without a certificate. Only the computation lives here: the challenge and the check are in
 * {@link DigestVerifier}, the client's answer in {@link #authorization}.
 */
public final class HttpDigest {

    private static final CryptoProvider CRYPTO = CryptoProvider.defaultProvider();

    private HttpDigest() {
    }

    /** {@code response = KD(H(A1), nonce:nc:cnonce:qop:H(A2))} with A1 = user:realm:password, A2 = method:uri. */
    public static String response(String username, String realm, String password, String method, String uri,
                                  String nonce, String nc, String cnonce, String qop) {
        String ha1 = md5Hex(username + ":" + realm + ":" + password);
        String ha2 = md5Hex(method + ":" + uri);
        return md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** The {@code Authorization} header value answering {@code challenge} (a Digest challenge). */
    public static String authorization(AuthParams challenge, String method, String uri, String username,
                                       String password, String cnonce, int nonceCount) {
        String realm = orEmpty(challenge.get("realm"));
        String nonce = orEmpty(challenge.get("nonce"));
        String nc = String.format("%08x", nonceCount);
        String response = response(username, realm, password, method, uri, nonce, nc, cnonce, "auth");
        StringBuilder header = new StringBuilder("Digest username=\"").append(quote(username))
                .append("\", realm=\"").append(quote(realm)).append("\", nonce=\"").append(quote(nonce))
                .append("\", uri=\"").append(quote(uri)).append("\", algorithm=MD5, qop=auth, nc=").append(nc)
                .append(", cnonce=\"").append(quote(cnonce)).append("\", response=\"").append(response).append('"');
        String opaque = challenge.get("opaque");
        if (opaque != null) {
            header.append(", opaque=\"").append(quote(opaque)).append('"');
        }
        return header.toString();
    }

    static String md5Hex(String text) {
        Hash md5 = CRYPTO.hash(HashAlgorithm.MD5);
        md5.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5.doFinal());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
