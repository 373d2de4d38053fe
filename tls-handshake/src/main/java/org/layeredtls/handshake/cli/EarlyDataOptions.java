package org.layeredtls.handshake.cli;

import java.io.IOException;
import java.io.PrintStream;

import org.layeredtls.handshake.api.EarlyDataStatus;
import org.layeredtls.handshake.api.TlsConfig;
import org.layeredtls.handshake.api.TlsSocket;
import picocli.CommandLine.Option;

/**
 * s_server's {@code -early_data} and {@code -max_early_data N}: accept TLS 1.3 0-RTT data on resumption
 * (RFC 8446 §4.2.10) and print it as s_server does, between "Early data received:" and "End of early data".
 * Unlike s_server, {@code -max_early_data} alone also reads the data (s_server only announces it then).
 */
public class EarlyDataOptions {

    @Option(names = "-early_data", description = "Accept TLS 1.3 0-RTT data (up to 16384 bytes unless -max_early_data) and print it.")
    boolean earlyData;
    @Option(names = "-max_early_data", paramLabel = "N", description = "Accept up to N bytes of TLS 1.3 0-RTT data.")
    Long maxEarlyData;

    /** The server's {@link TlsConfig.Builder#maxEarlyData}, when asked. */
    void configure(TlsConfig.Builder builder) {
        if (maxEarlyData != null) {
            builder.maxEarlyData(maxEarlyData);
        } else if (earlyData) {
            builder.maxEarlyData(TlsConfig.DEFAULT_REJECTED_EARLY_DATA_LIMIT); // s_server's 2^14
        }
    }

    /** After the handshake: the early data, or what became of it, in s_server's words. */
    void print(TlsSocket socket, PrintStream out) throws IOException {
        if (!earlyData && maxEarlyData == null) {
            return;
        }
        byte[] data = socket.readEarlyData();
        if (data.length > 0) {
            out.println("Early data received:");
            out.write(data);
            out.println();
            out.println("End of early data");
        } else {
            out.println(socket.earlyDataStatus() == EarlyDataStatus.REJECTED ? "Early data was rejected" : "No early data received");
        }
    }

    /** s_client's line after the handshake. */
    static String clientStatus(EarlyDataStatus status) {
        return switch (status) {
            case ACCEPTED -> "Early data was accepted";
            case REJECTED -> "Early data was rejected";
            case NOT_SENT -> "Early data was not sent";
        };
    }
}
