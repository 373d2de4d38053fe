package org.layeredtls.handshake.prf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reference: the {@code openssl} command line, run as a process with a bounded wait. A test
 * that needs it fails (never skips) when it is missing.
 */
final class OpenSsl {

    private static final long TIMEOUT_SECONDS = 60;
    private static final HexFormat HEX = HexFormat.of();

    private OpenSsl() {
    }

    /**
     * The TLS PRF as OpenSSL computes it:
     * {@code openssl kdf -binary -keylen N -kdfopt digest:D -kdfopt hexsecret:S -kdfopt hexseed:LABEL||SEED TLS1-PRF}.
     * OpenSSL's TLS1-PRF has no separate label: the label goes at the front of the seed.
     *
     * @param digest {@code SHA256}, {@code SHA384} or {@code MD5-SHA1} (the TLS 1.0/1.1 PRF)
     */
    static byte[] tls1Prf(String digest, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelAndSeed = PHash.labelAndSeed(label, seed);
        return run(new byte[0], "openssl", "kdf", "-binary", "-keylen", Integer.toString(length),
                "-kdfopt", "digest:" + digest,
                "-kdfopt", "hexsecret:" + HEX.formatHex(secret),
                "-kdfopt", "hexseed:" + HEX.formatHex(labelAndSeed),
                "TLS1-PRF");
    }

    /** {@code openssl dgst -<algorithm> -binary} over the concatenated parts, fed on standard input. */
    static byte[] digest(String algorithm, byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] input = new byte[total];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, input, offset, part.length);
            offset += part.length;
        }
        return run(input, "openssl", "dgst", "-" + algorithm, "-binary");
    }

    private static byte[] run(byte[] stdin, String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return fail("cannot run openssl (install it, the tests need it as their reference): " + e.getMessage());
        }
        try {
            CompletableFuture<byte[]> out = readAsync(process.getInputStream());
            CompletableFuture<byte[]> err = readAsync(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return fail("openssl did not finish within " + TIMEOUT_SECONDS + " s: " + List.of(command));
            }
            byte[] stdout = out.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                return fail("openssl failed (" + process.exitValue() + "): " + List.of(command) + "\n"
                        + new String(err.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
            }
            return stdout;
        } catch (IOException | ExecutionException | TimeoutException e) {
            return fail("running openssl " + new ArrayList<>(List.of(command)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running openssl", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static CompletableFuture<byte[]> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
