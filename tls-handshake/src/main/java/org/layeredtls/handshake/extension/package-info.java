/**
 * Hello extensions (RFC 5246 §7.4.1.4 and the RFCs that define each one): the raw
 * {@link org.layeredtls.handshake.extension.Extension}, the ordered, duplicate-free
 * {@link org.layeredtls.handshake.extension.Extensions} block, and one typed record per extension
 * this stack understands. Unknown extension types and unknown codes inside known extensions are
 * kept, so any hello survives a decode/encode round trip byte for byte.
 */
package org.layeredtls.handshake.extension;
