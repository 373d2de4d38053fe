package org.layeredtls.handshake.illustrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.layeredtls.crypto.CryptoProvider;
import org.layeredtls.crypto.Hash;
import org.layeredtls.crypto.HashAlgorithm;

/**
 * The page's one style sheet and one script, inlined, and the Content-Security-Policy that lets
 * exactly these two run: {@code default-src 'none'} (no request leaves the page: no image, font,
 * frame, fetch or connection), and a SHA-256 hash for the style and the script (CSP Level 2 §4.2.4),
 * so no other inline code runs either, even if a peer's host name or certificate name ever slipped
 * through the escaping.
 */
final class PageAssets {

    static final String STYLE = resource("page.css");
    static final String SCRIPT = resource("page.js");

    private PageAssets() {
    }

    static String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + sha256(STYLE) + "'; script-src '" + sha256(SCRIPT)
                + "'; base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String text) {
        Hash hash = CryptoProvider.defaultProvider().hash(HashAlgorithm.SHA256);
        hash.update(text.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(hash.doFinal());
    }

    private static String resource(String name) {
        try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
