package org.layeredtls.handshake.extension;

/**
 * The TLS 1.3 messages that carry extensions, with the abbreviations of the table in RFC 8446 §4.2
 * (CH, SH, HRR, EE, CT, CR, NST). {@link ExtensionType#mayAppearIn(ExtensionMessage)} answers from
 * that table; {@link Extensions#requireAllowedIn(ExtensionMessage)} applies it to a whole block.
 */
public enum ExtensionMessage {
    CLIENT_HELLO("CH"),
    SERVER_HELLO("SH"),
    HELLO_RETRY_REQUEST("HRR"),
    ENCRYPTED_EXTENSIONS("EE"),
    CERTIFICATE("CT"),
    CERTIFICATE_REQUEST("CR"),
    NEW_SESSION_TICKET("NST");

    private final String abbreviation;

    ExtensionMessage(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /** The abbreviation RFC 8446 §4.2 uses, such as {@code EE}. */
    public String abbreviation() {
        return abbreviation;
    }
}
