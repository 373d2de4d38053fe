package org.layeredtls.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The branch-free helpers give the answers of their plain counterparts. */
class ConstantTimeProperties {

    @Property(tries = 500)
    void copyMacCopiesTheMacFromAnyPositionOfTheWindow(@ForAll @Size(min = 400, max = 400) byte[] data,
                                                       @ForAll("macLengths") int macLength,
                                                       @ForAll @IntRange(min = 0, max = 255) int back) {
        int maxFragment = 300;
        int scanStart = maxFragment - 255;
        int macStart = maxFragment - back; // anywhere a padding length of 0..255 can put it
        byte[] out = new byte[macLength];
        ConstantTime.copyMac(data, scanStart, maxFragment + macLength, macStart, macLength, new byte[macLength], out);
        assertArrayEquals(Arrays.copyOfRange(data, macStart, macStart + macLength), out);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> macLengths() {
        return net.jqwik.api.Arbitraries.of(16, 20, 32, 48);
    }

    @Property
    void comparisonsMatchTheOperators(@ForAll @IntRange(min = 0, max = 1 << 20) int a,
                                      @ForAll @IntRange(min = 0, max = 1 << 20) int b) {
        assertEquals(a == b ? -1 : 0, ConstantTime.eq(a, b));
        assertEquals(a >= b ? -1 : 0, ConstantTime.ge(a, b));
        assertEquals(a < b ? -1 : 0, ConstantTime.lt(a, b));
        assertEquals(a >= b ? a : b, ConstantTime.select(ConstantTime.ge(a, b), a, b));
    }
}
