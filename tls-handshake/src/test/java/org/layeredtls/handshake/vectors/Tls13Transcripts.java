package org.layeredtls.handshake.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.handshake.extension.ExtensionType;
import org.layeredtls.handshake.extension.KeyShare;
import org.layeredtls.handshake.extension.NamedGroup;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.message.ServerHello;

/**
 * Reads a replay's transcript ({@code "sent TYPE hex"} / {@code "received TYPE hex"} lines, each message with its
 * 4-byte header): how often a message went by, the first ServerHello, and the key_share group a TLS 1.3
 * handshake ended with.
 */
final class Tls13Transcripts {

    private static final int HEADER = 4; // RFC 8446 §4: msg_type, uint24 length

    private Tls13Transcripts() {
    }

    /** How many messages of {@code type} the transcript holds, both ways. */
    static long count(List<String> transcript, HandshakeType type) {
        return transcript.stream().filter(m -> m.split(" ")[1].equals(type.toString())).count();
    }

    /** The first ServerHello (a HelloRetryRequest, if there was one), sent or received. */
    static ServerHello firstServerHello(List<String> transcript) throws TlsAlertException {
        return serverHellos(transcript).get(0);
    }

    /** RFC 8446 §4.2.8: the group of the last ServerHello's key_share (the one after a HelloRetryRequest). */
    static NamedGroup keyShareGroup(List<String> transcript) throws TlsAlertException {
        List<ServerHello> serverHellos = serverHellos(transcript);
        ServerHello last = serverHellos.get(serverHellos.size() - 1);
        if (last.isHelloRetryRequest()) {
            throw new IllegalArgumentException("the handshake ended with a HelloRetryRequest");
        }
        int code = last.extensionsOrEmpty().find(ExtensionType.KEY_SHARE, KeyShare::decodeServerHello).orElseThrow()
                .serverShare().group();
        return NamedGroup.fromCode(code).orElseThrow();
    }

    private static List<ServerHello> serverHellos(List<String> transcript) throws TlsAlertException {
        List<ServerHello> serverHellos = new ArrayList<>();
        for (String m : transcript) {
            String[] fields = m.split(" ");
            if (fields[1].equals(HandshakeType.SERVER_HELLO.toString())) {
                byte[] message = HexFormat.of().parseHex(fields[2]);
                serverHellos.add(ServerHello.decode(Arrays.copyOfRange(message, HEADER, message.length)));
            }
        }
        if (serverHellos.isEmpty()) {
            throw new IllegalArgumentException("no ServerHello in the transcript");
        }
        return serverHellos;
    }
}
