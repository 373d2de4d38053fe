package org.layeredtls.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;

class ByteReaderWriterProperties {

    @Property
    void integersAndVectorsReadBackAsWritten(@ForAll @IntRange(max = 0xFF) int a, @ForAll @IntRange(max = 0xFFFF) int b,
                                             @ForAll @IntRange(max = 0xFFFFFF) int c, @ForAll long d,
                                             @ForAll @Size(max = 255) byte[] v8, @ForAll @Size(max = 600) byte[] v16,
                                             @ForAll @Size(max = 600) byte[] v24) throws TlsAlertException {
        ByteWriter w = new ByteWriter();
        w.u8(a).u16(b).u24(c).u32(d & 0xFFFFFFFFL).u64(d).vector8(v8).vector16(v16).vector24(v24);
        ByteReader r = new ByteReader(w.toByteArray(), TlsLayer.HANDSHAKE);
        assertEquals(a, r.u8());
        assertEquals(b, r.u16());
        assertEquals(c, r.u24());
        assertEquals(d & 0xFFFFFFFFL, r.u32());
        assertEquals(d, r.u64());
        assertArrayEquals(v8, r.vector8());
        assertArrayEquals(v16, r.vector16());
        assertArrayEquals(v24, r.vector24());
        r.expectEnd("the test structure");
    }

    @Property
    void nestedVectorsGetTheirLengthWhenClosed(@ForAll @Size(max = 40) byte[] inner) throws TlsAlertException {
        ByteWriter w = new ByteWriter();
        int outer = w.beginVector16();
        int middle = w.beginVector8();
        w.bytes(inner);
        w.endVector8(middle);
        w.endVector16(outer);
        ByteReader r = new ByteReader(w.toByteArray(), TlsLayer.HANDSHAKE);
        ByteReader sub = r.sub16();
        assertArrayEquals(inner, sub.vector8());
        assertTrue(sub.isEmpty());
        assertTrue(r.isEmpty());
    }

    @Property
    void randomBytesNeverRaiseAnythingButDecodeError(@ForAll @Size(max = 40) byte[] junk) {
        ByteReader r = new ByteReader(junk, TlsLayer.HANDSHAKE);
        try {
            while (true) {
                ByteReader sub = r.sub16();
                sub.vector8(1, 10);
                sub.u24();
                sub.vector24();
                r.u64();
            }
        } catch (TlsAlertException expected) {
            assertEquals(AlertDescription.DECODE_ERROR, expected.description());
            assertEquals(TlsLayer.HANDSHAKE, expected.layer());
        }
    }

    @Test
    void readingPastTheEndIsDecodeError() {
        ByteReader r = new ByteReader(new byte[] {0, 5, 1, 2}, TlsLayer.RECORD);
        TlsAlertException e = assertThrows(TlsAlertException.class, r::vector16);
        assertEquals(AlertDescription.DECODE_ERROR, e.description());
        assertEquals(TlsLayer.RECORD, e.layer());
    }

    @Test
    void aVectorOutsideItsBoundsIsDecodeError() {
        ByteReader r = new ByteReader(new byte[] {0, 0}, TlsLayer.HANDSHAKE);
        assertThrows(TlsAlertException.class, () -> r.vector16(2, 100));
    }

    @Test
    void trailingBytesAreDecodeError() throws TlsAlertException {
        ByteReader r = new ByteReader(new byte[] {1, 2}, TlsLayer.HANDSHAKE);
        r.u8();
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> r.expectEnd("a message"));
        assertTrue(e.getMessage().contains("1 unexpected bytes after a message"));
    }

    @Test
    void writerRefusesValuesThatDoNotFit() {
        ByteWriter w = new ByteWriter();
        assertThrows(IllegalArgumentException.class, () -> w.u8(256));
        assertThrows(IllegalArgumentException.class, () -> w.u16(-1));
        assertThrows(IllegalArgumentException.class, () -> w.vector8(new byte[256]));
    }
}
