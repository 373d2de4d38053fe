/**
 * Interceptors for {@code layeredtls relay -intercept CLASS}: strip renegotiation_info, downgrade
 * the offered version, truncate before close_notify. Each is a small public class with a public
 * no-argument constructor, the shape a researcher's own interceptor takes.
 */
package org.layeredtls.handshake.relay.examples;
