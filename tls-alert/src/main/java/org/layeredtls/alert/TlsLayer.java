package org.layeredtls.alert;

/** The layer of the stack that raised or received an alert; every error says where it came from. */
public enum TlsLayer {
    RECORD("record"),
    ALERT("alert"),
    CHANGE_CIPHER_SPEC("change_cipher_spec"),
    HANDSHAKE("handshake"),
    APPLICATION("application");

    private final String label;

    TlsLayer(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
