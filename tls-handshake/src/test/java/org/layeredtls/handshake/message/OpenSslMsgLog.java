package org.layeredtls.handshake.message;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The handshake messages in the output of {@code openssl s_client -msg} (or s_server): each is a
 * header line such as {@code <<< TLS 1.3, Handshake [length 0006], EncryptedExtensions} followed
 * by indented lines of hex bytes, the whole message (4-byte header included), in clear even when
 * it travelled encrypted.
 */
final class OpenSslMsgLog {

    /** One handshake message: {@code sent} (">>>") or received ("<<<"), OpenSSL's name for it, its bytes. */
    record Logged(boolean sent, String name, byte[] bytes) {
    }

    private static final Pattern HEADER = Pattern.compile("^(<<<|>>>) [^,]+, Handshake \\[length ([0-9a-f]+)\\], (\\w+)$");
    private static final Pattern HEX_LINE = Pattern.compile("^\\s+([0-9a-f]{2}( [0-9a-f]{2})*)\\s*$");

    private OpenSslMsgLog() {
    }

    /** Every handshake message of the log, in order; a message whose bytes disagree with its length is an error. */
    static List<Logged> handshakeMessages(String log) {
        List<Logged> messages = new ArrayList<>();
        String[] lines = log.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (!header.matches()) {
                continue;
            }
            int length = Integer.parseInt(header.group(2), 16);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Matcher hex;
            while (i + 1 < lines.length && (hex = HEX_LINE.matcher(lines[i + 1])).matches()) {
                bytes.writeBytes(HexFormat.of().parseHex(hex.group(1).replace(" ", "")));
                i++;
            }
            if (bytes.size() != length) {
                throw new IllegalStateException(lines[i] + ": " + bytes.size() + " bytes of hex for length " + length);
            }
            messages.add(new Logged(header.group(1).equals(">>>"), header.group(3), bytes.toByteArray()));
        }
        return messages;
    }
}
