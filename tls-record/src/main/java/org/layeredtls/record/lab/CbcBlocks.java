package org.layeredtls.record.lab;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A CBC record's fragment cut into cipher blocks, as an attacker on the wire sees it:
 * C<sub>0</sub> C<sub>1</sub> ... (with an explicit IV, from TLS 1.1, C<sub>0</sub> is that IV).
 * CBC decryption is P<sub>i</sub> = D(C<sub>i</sub>) xor C<sub>i-1</sub> (NIST SP 800-38A §6.2):
 * whoever moves, replaces or predicts blocks changes what decrypts where.
 */
final class CbcBlocks {

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] fragment;
    private final int blockSize;

    CbcBlocks(byte[] fragment, int blockSize) {
        if (fragment.length % blockSize != 0) {
            throw new IllegalArgumentException("a CBC fragment of " + fragment.length + " bytes is not whole "
                    + blockSize + "-byte blocks");
        }
        this.fragment = fragment.clone();
        this.blockSize = blockSize;
    }

    int count() {
        return fragment.length / blockSize;
    }

    /** C<sub>index</sub>. */
    byte[] block(int index) {
        return Arrays.copyOfRange(fragment, index * blockSize, (index + 1) * blockSize);
    }

    /** The last block: under SSL 3.0 and TLS 1.0 the IV of the next record in this direction. */
    byte[] last() {
        return block(count() - 1);
    }

    /** A copy of the fragment with C<sub>index</sub> replaced by {@code block}. */
    byte[] with(int index, byte[] block) {
        byte[] copy = fragment.clone();
        System.arraycopy(block, 0, copy, index * blockSize, blockSize);
        return copy;
    }

    /** The blocks, one a line, with a note after the ones a lab points at ({@code null} for none). */
    void print(PrintStream out, String indent, String... notes) {
        for (int i = 0; i < count(); i++) {
            String note = i < notes.length && notes[i] != null ? "  <- " + notes[i] : "";
            out.printf("%sC%-2d %s%s%n", indent, i, hex(block(i)), note);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] x = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = (byte) (a[i] ^ b[i]);
        }
        return x;
    }

    /** A byte as a student reads it: {@code 0x6b 'k'}. */
    static String show(int b) {
        int v = b & 0xFF;
        return String.format(v >= 0x20 && v < 0x7F ? "0x%02x '%c'" : "0x%02x", v, (char) v);
    }
}
