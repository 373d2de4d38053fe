package org.layeredtls.handshake.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.layeredtls.record.ContentType;
import org.layeredtls.record.ProtocolVersion;
import org.layeredtls.record.TLSCiphertext;
import org.layeredtls.record.TLSCompressed;
import org.layeredtls.record.TLSPlaintext;

/** The -msg layout on records OpenSSL's test sessions do not produce: messages split and coalesced, alerts, data. */
class MsgPrinterTest {

    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final MsgPrinter printer = new MsgPrinter(new PrintStream(text, true, StandardCharsets.UTF_8));

    private void received(ContentType type, int... bytes) {
        byte[] fragment = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            fragment[i] = (byte) bytes[i];
        }
        ProtocolVersion v = ProtocolVersion.TLS1_2;
        printer.recordRead(0, new TLSCiphertext(type, v, fragment), new TLSCompressed(type, v, fragment),
                new TLSPlaintext(type, v, fragment));
    }

    private String printed() {
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageSplitOverTwoRecordsIsPrintedOnceAfterTheSecondHeader() {
        received(ContentType.HANDSHAKE, 14, 0);           // the first half of ServerHelloDone
        received(ContentType.HANDSHAKE, 0, 0);
        assertEquals(String.join("\n",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    16 03 03 00 02",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    16 03 03 00 02",
                "<<< TLS 1.2, Handshake [length 0004], ServerHelloDone", "    0e 00 00 00", ""), printed());
    }

    @Test
    void twoMessagesInOneRecordGetABlockEach() {
        received(ContentType.HANDSHAKE, 0, 0, 0, 0, 14, 0, 0, 0);
        assertEquals(String.join("\n",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    16 03 03 00 08",
                "<<< TLS 1.2, Handshake [length 0004], HelloRequest", "    00 00 00 00",
                "<<< TLS 1.2, Handshake [length 0004], ServerHelloDone", "    0e 00 00 00", ""), printed());
    }

    @Test
    void alertsAreNamedAndApplicationDataShowsItsHeaderOnly() {
        received(ContentType.APPLICATION_DATA, 'h', 'i');
        received(ContentType.ALERT, 2, 20);
        received(ContentType.ALERT, 1);
        assertEquals(String.join("\n",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    17 03 03 00 02",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    15 03 03 00 02",
                "<<< TLS 1.2, Alert [length 0002], fatal bad_record_mac", "    02 14",
                "<<< TLS 1.2, RecordHeader [length 0005]", "    15 03 03 00 01",
                "<<< TLS 1.2, Alert [length 0001], ???", "    01", ""), printed());
    }
}
