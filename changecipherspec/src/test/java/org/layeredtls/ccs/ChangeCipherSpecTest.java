package org.layeredtls.ccs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.layeredtls.alert.AlertDescription;
import org.layeredtls.alert.TlsAlertException;
import org.layeredtls.alert.TlsLayer;
import org.layeredtls.record.ConnectionState;
import org.layeredtls.record.RecordLayer;

class ChangeCipherSpecTest {

    @Test
    void encodesAsTheSingleByteOne() throws TlsAlertException {
        assertArrayEquals(new byte[] {1}, ChangeCipherSpec.INSTANCE.encode());
        assertSame(ChangeCipherSpec.INSTANCE, ChangeCipherSpec.decode(new byte[] {1}));
    }

    @Property
    void anyOtherContentIsUnexpectedMessage(@ForAll @Size(max = 4) byte[] content) {
        if (content.length == 1 && content[0] == 1) {
            return;
        }
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> ChangeCipherSpec.decode(content));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.description());
        assertEquals(TlsLayer.CHANGE_CIPHER_SPEC, e.layer());
    }

    @Test
    void receivingBeforeThePendingStateIsReadyIsUnexpectedMessage() {
        RecordLayer records = new RecordLayer(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), () -> { });
        ChangeCipherSpecProtocol ccs = new ChangeCipherSpecProtocol(records, null);
        TlsAlertException e = assertThrows(TlsAlertException.class, () -> ccs.receive(new byte[] {1}));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, e.description());
    }

    @Test
    void sendingWritesTheMessageUnderTheOldStateThenSwitches() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        RecordLayer records = new RecordLayer(new ByteArrayInputStream(new byte[0]), wire, () -> { });
        ConnectionState next = ConnectionState.initial();
        records.setPendingWriteState(next);
        int[] sent = {0};
        new ChangeCipherSpecProtocol(records, new ChangeCipherSpecObserver() {
            @Override
            public void changeCipherSpecSent() {
                sent[0]++;
            }
        }).send();
        assertArrayEquals(new byte[] {20, 3, 1, 0, 1, 1}, wire.toByteArray());
        assertSame(next, records.writeState());
        assertEquals(1, sent[0]);
    }

    @Test
    void receivingSwitchesTheReadState() throws Exception {
        RecordLayer records = new RecordLayer(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), () -> { });
        ConnectionState next = ConnectionState.initial();
        records.setPendingReadState(next);
        new ChangeCipherSpecProtocol(records, null).receive(new byte[] {1});
        assertSame(next, records.readState());
        assertThrows(TlsAlertException.class, () -> new ChangeCipherSpecProtocol(records, null).receive(new byte[] {1}),
                "the pending state is used up: a second CCS is unexpected");
    }
}
