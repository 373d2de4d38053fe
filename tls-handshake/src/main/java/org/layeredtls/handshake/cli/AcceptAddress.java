package org.layeredtls.handshake.cli;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code -accept}, as {@code openssl s_server} reads it: {@code PORT},
 * {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code *:PORT}. A bare port listens on the loopback
 * address only (s_server listens on every address: this is a teaching tool, not a public server);
 * {@code *} asks for every address, as s_server's default does.
 *
 * @param host the host to listen on; null for the loopback address, {@code "*"} for every address
 * @param port the TCP port, 0 for an ephemeral one
 */
public record AcceptAddress(String host, int port) {

    static final String EVERY_ADDRESS = "*";

    /** Reads {@code [host:]port}; throws IllegalArgumentException saying what is wrong. */
    public static AcceptAddress parse(String value) {
        String host = null;
        String port = value;
        if (value.startsWith("[")) {
            int close = value.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("'" + value + "' is not [IPv6-address]:port");
            }
            host = value.substring(1, close);
            port = value.substring(close + 2);
        } else if (value.contains(":")) {
            int colon = value.lastIndexOf(':');
            if (value.indexOf(':') != colon) {
                throw new IllegalArgumentException("'" + value + "': write an IPv6 address in brackets, [::1]:4433");
            }
            host = colon == 0 ? null : value.substring(0, colon);
            port = value.substring(colon + 1);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "': the port '" + port + "' is not a number");
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException("'" + value + "': the port must lie in 0..65535");
        }
        return new AcceptAddress(host, number);
    }

    /** The address to bind: the loopback address for a bare port, every address for {@code *}. */
    public InetAddress bindAddress() throws UnknownHostException {
        if (host == null) {
            return InetAddress.getLoopbackAddress();
        }
        return host.equals(EVERY_ADDRESS) ? new InetSocketAddress(0).getAddress() : InetAddress.getByName(host);
    }

    /** {@code 127.0.0.1:4433} or {@code [::1]:4433}, as s_server prints its ACCEPT line. */
    public static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            host = "[" + (address.isLoopbackAddress() ? "::1" : address.isAnyLocalAddress() ? "::" : host) + "]";
        }
        return host + ":" + port;
    }

    /** picocli reads {@code -accept} with this. */
    public static final class Converter implements ITypeConverter<AcceptAddress> {
        @Override
        public AcceptAddress convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
