/**
 * Scripted conversations with any TLS peer, in the spirit of tlsfuzzer: a {@link
 * org.layeredtls.handshake.conversation.Conversation} is a list of steps (send a message built from defaults
 * with any field overridden, send raw records or bytes, expect a message, an alert, the close or silence),
 * run as a client against any host and port or as a server facing one client.
 *
 * <p>The client side carries enough of a handshake's crypto state to go past ChangeCipherSpec: it derives the
 * master secret and keys with the project's own {@code prf} and {@code keyexchange} classes and protects
 * records with tls-record's {@link org.layeredtls.record.ConnectionState}s, so probes can reach the Finished,
 * application data, renegotiation and resumption. A failed expectation is a {@link
 * org.layeredtls.handshake.conversation.ConversationFailure} that prints what was expected, what came, and the
 * record trace.
 *
 * <p>Deliberately permissive: nothing here checks the peer's signatures or certificates; this is a tool to
 * probe peers with, never a client to trust.
 */
package org.layeredtls.handshake.conversation;
