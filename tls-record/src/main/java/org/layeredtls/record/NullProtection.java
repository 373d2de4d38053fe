package org.layeredtls.record;

/** TLS_NULL_WITH_NULL_NULL, the state every connection starts in: the fragment goes out as it is. */
final class NullProtection implements RecordProtection {

    static final NullProtection INSTANCE = new NullProtection();

    private NullProtection() {
    }

    @Override
    public int maxExpansion() {
        return 0;
    }

    @Override
    public int seal(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        System.arraycopy(in, inOff, out, outOff, length);
        return length;
    }

    @Override
    public int open(long sequenceNumber, ContentType type, ProtocolVersion version,
                    byte[] in, int inOff, int length, byte[] out, int outOff) {
        System.arraycopy(in, inOff, out, outOff, length);
        return length;
    }
}
