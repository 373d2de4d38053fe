package org.layeredtls.cwmp.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.layeredtls.crypto.RandomSource;

/**
 * The server side of HTTP Digest (MD5, {@code qop=auth}): issues a challenge with a fresh nonce
 * each time (RFC 7616 §3.3), and accepts an {@code Authorization} only for one of its own live
 * nonces, with a nonce count that grows (no replay), for the one user name and password it is
 * given (never an empty one), the user name and the digest compared in constant time.
 */
public final class DigestVerifier {

    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final String realm;
    private final RandomSource random;
    private final Clock clock;
    private final String opaque;
    private final Map<String, NonceState> nonces = new ConcurrentHashMap<>();

    private static final class NonceState {
        final Instant issued;
        long lastCount;

        NonceState(Instant issued) {
            this.issued = issued;
        }
    }

    public DigestVerifier(String realm, RandomSource random, Clock clock) {
        this.realm = realm;
        this.random = random;
        this.clock = clock;
        this.opaque = HexFormat.of().formatHex(random.nextBytes(8));
    }

    /** A {@code WWW-Authenticate} value with a new nonce. */
    public String challenge() {
        expireOldNonces();
        String nonce = HexFormat.of().formatHex(random.nextBytes(16));
        nonces.put(nonce, new NonceState(clock.instant()));
        return "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"" + opaque
                + "\", algorithm=MD5";
    }

    /**
     * Whether {@code authorization} proves knowledge of {@code password} for {@code username}
     * on a request {@code method uri}.
     */
    public boolean verify(String authorization, String method, String requestUri, String username, String password) {
        AuthParams auth = AuthParams.parse(authorization).orElse(null);
        if (auth == null || !auth.isScheme("Digest") || username == null || password == null || username.isEmpty()
                || password.isEmpty()) { // empty credentials are "none configured", never a match
            return false;
        }
        String nonce = auth.get("nonce");
        String uri = auth.get("uri");
        String nc = auth.get("nc");
        String cnonce = auth.get("cnonce");
        String response = auth.get("response");
        String algorithm = auth.get("algorithm");
        if (nonce == null || uri == null || nc == null || cnonce == null || response == null
                || !"auth".equals(auth.get("qop")) || !realm.equals(auth.get("realm"))
                || (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) || !uri.equals(requestUri)) {
            return false;
        }
        // A wrong user name takes the same path as a wrong password: no early answer tells which one it was.
        boolean rightUser = constantTimeEquals(username, auth.get("username"));
        NonceState state = nonces.get(nonce);
        if (state == null || state.issued.plus(NONCE_LIFETIME).isBefore(clock.instant())) {
            return false;
        }
        long count;
        try {
            count = Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        String expected = HttpDigest.response(username, realm, password, method, uri, nonce, nc, cnonce, "auth");
        boolean rightDigest = constantTimeEquals(expected, response.toLowerCase(java.util.Locale.ROOT));
        if (!(rightUser & rightDigest)) {
            return false;
        }
        synchronized (state) { // RFC 7616 §3.4: a nonce count seen before is a replay
            if (count <= state.lastCount) {
                return false;
            }
            state.lastCount = count;
        }
        return true;
    }

    private void expireOldNonces() {
        Instant limit = clock.instant().minus(NONCE_LIFETIME);
        for (Iterator<NonceState> it = nonces.values().iterator(); it.hasNext(); ) {
            if (it.next().issued.isBefore(limit)) {
                it.remove();
            }
        }
    }

    /** The time depends on the length of {@code a} only (the expected value), never on where they differ. */
    private static boolean constantTimeEquals(String a, String b) {
        return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
