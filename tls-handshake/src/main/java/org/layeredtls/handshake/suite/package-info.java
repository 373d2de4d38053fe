/**
 * Cipher suites: what each code means for the key exchange, the record protection and the PRF
 * (RFC 5246 appendix A.5 and C, and the RFCs that add suites).
 */
package org.layeredtls.handshake.suite;
