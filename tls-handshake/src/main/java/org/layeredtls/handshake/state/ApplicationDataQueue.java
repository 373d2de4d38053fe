package org.layeredtls.handshake.state;

import java.util.ArrayDeque;

/**
 * Application data received and not yet read, record by record: the connection adds each record's
 * fragment, the application takes bytes in whatever pieces it likes. One thread may add while
 * another reads.
 */
final class ApplicationDataQueue {

    private final ArrayDeque<byte[]> fragments = new ArrayDeque<>();
    private int offset; // into the first fragment

    synchronized void add(byte[] fragment) {
        if (fragment.length > 0) {
            fragments.add(fragment);
        }
    }

    /** Takes up to {@code length} bytes; 0 when none are queued. */
    synchronized int read(byte[] buffer, int at, int length) {
        byte[] head = fragments.peek();
        if (head == null) {
            return 0;
        }
        int n = Math.min(length, head.length - offset);
        System.arraycopy(head, offset, buffer, at, n);
        offset += n;
        if (offset == head.length) {
            fragments.poll();
            offset = 0;
        }
        return n;
    }

    /** The bytes queued. */
    synchronized int available() {
        int total = -offset;
        for (byte[] fragment : fragments) {
            total += fragment.length;
        }
        return Math.max(0, total);
    }
}
