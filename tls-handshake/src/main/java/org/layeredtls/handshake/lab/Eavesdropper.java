package org.layeredtls.handshake.lab;

import java.util.Arrays;
import java.util.List;

import org.layeredtls.handshake.message.ClientHello;
import org.layeredtls.handshake.message.HandshakeFrame;
import org.layeredtls.handshake.message.HandshakeType;
import org.layeredtls.handshake.relay.Direction;
import org.layeredtls.handshake.relay.RelayInterceptor;

/**
 * A passive man in the middle: forwards everything unchanged and keeps what an RSA key exchange
 * shows in the clear: both hello randoms (RFC 5246 §7.4.1.2) and the ClientKeyExchange's
 * EncryptedPreMasterSecret (§7.4.7.1).
 */
final class Eavesdropper implements RelayInterceptor {

    /** Where the random starts in a hello's body: after the 2-byte version. */
    private static final int RANDOM_OFFSET = HandshakeFrame.HEADER_LENGTH + 2;

    private byte[] clientRandom;
    private byte[] serverRandom;
    private byte[] encryptedPremaster;

    @Override
    public synchronized List<byte[]> handshakeMessage(Direction direction, byte[] message) {
        int type = message[0] & 0xFF;
        if (type == HandshakeType.CLIENT_HELLO.code()) {
            clientRandom = Arrays.copyOfRange(message, RANDOM_OFFSET, RANDOM_OFFSET + ClientHello.RANDOM_LENGTH);
        } else if (type == HandshakeType.SERVER_HELLO.code()) {
            serverRandom = Arrays.copyOfRange(message, RANDOM_OFFSET, RANDOM_OFFSET + ClientHello.RANDOM_LENGTH);
        } else if (type == HandshakeType.CLIENT_KEY_EXCHANGE.code()) {
            encryptedPremaster = Arrays.copyOfRange(message, HandshakeFrame.HEADER_LENGTH + 2, message.length);
        }
        return List.of(message);
    }

    /** What was recorded, with the victim's master secret to check the attack against. */
    synchronized BleichenbacherLab.Recording recording(byte[] victimMasterSecret) {
        if (clientRandom == null || serverRandom == null || encryptedPremaster == null) {
            throw new IllegalStateException("the victim's handshake did not pass the eavesdropper");
        }
        return new BleichenbacherLab.Recording(clientRandom, serverRandom, encryptedPremaster, victimMasterSecret);
    }
}
