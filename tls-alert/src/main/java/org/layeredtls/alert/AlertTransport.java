package org.layeredtls.alert;

import java.io.IOException;

/**
 * What the Alert protocol needs from the layer below it. On the wire an alert rides in a record of
 * content type 21; the record layer implements this interface, so the dependency in the code still
 * points down (tls-alert knows nothing of records).
 */
public interface AlertTransport {

    /** Sends the two bytes of one alert in a record of type alert, under the current write state. */
    void writeAlertRecord(byte[] alert) throws IOException;

    /** Closes the transport underneath (the socket), both directions. */
    void closeTransport() throws IOException;
}
