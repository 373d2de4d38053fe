package org.layeredtls.handshake.session;

import java.util.Arrays;
import java.util.HexFormat;

/** A session id as a map key: a {@code byte[]} compares by identity, this compares by content. */
record SessionId(byte[] bytes) {

    SessionId {
        bytes = bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionId that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
