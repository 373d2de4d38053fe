package org.layeredtls.handshake.cli;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the head of the HTTP request {@code s_server -www} answers (the request line and the
 * header fields, up to the empty line), bounded so that a client cannot make the server buffer
 * an endless line: a request line longer than {@link #MAX_REQUEST_LINE} bytes is answered
 * {@code 414 URI Too Long}, a header section longer than {@link #MAX_HEADER_SECTION} bytes
 * {@code 431 Request Header Fields Too Large} (RFC 9110 §15.5.15, RFC 6585 §5), and the
 * connection is closed. Nothing is buffered: the page does not depend on the request.
 */
final class WwwRequestHead {

    /** The longest request line read (Apache httpd's LimitRequestLine is 8190). */
    static final int MAX_REQUEST_LINE = 8 * 1024;
    /** The most bytes of header fields read (Apache: 100 fields of up to 8190 bytes; nginx: 4 buffers of 8 KiB). */
    static final int MAX_HEADER_SECTION = 32 * 1024;

    /** How reading the request head ended. */
    enum Outcome {
        /** The empty line after the header fields: answer the page. */
        COMPLETE(null),
        /** The stream ended before the empty line: answer nothing. */
        ENDED(null),
        REQUEST_LINE_TOO_LONG("414 URI Too Long"),
        HEADERS_TOO_LARGE("431 Request Header Fields Too Large");

        /** The status line's code and reason, for the refusals. */
        final String status;

        Outcome(String status) {
            this.status = status;
        }
    }

    private WwwRequestHead() {
    }

    /** Reads and discards the request head, up to its first empty line; stops at the first limit exceeded. */
    static Outcome read(InputStream in) throws IOException {
        boolean requestLine = true;
        int lineLength = 0; // bytes of the current line, its CR included
        boolean carriageReturn = false;
        int headerBytes = 0;
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                if (lineLength == (carriageReturn ? 1 : 0)) {
                    return Outcome.COMPLETE;
                }
                requestLine = false;
                lineLength = 0;
                carriageReturn = false;
                continue;
            }
            carriageReturn = b == '\r';
            lineLength++;
            if (requestLine ? lineLength > MAX_REQUEST_LINE : ++headerBytes > MAX_HEADER_SECTION) {
                return requestLine ? Outcome.REQUEST_LINE_TOO_LONG : Outcome.HEADERS_TOO_LARGE;
            }
        }
        return Outcome.ENDED;
    }
}
