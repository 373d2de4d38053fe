package org.layeredtls.record;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

import org.layeredtls.alert.TlsAlertException;

/** Record layers already keyed with a {@link ProtectionScheme}, as after a handshake (null compression). */
final class KeyedRecordLayers {

    private KeyedRecordLayers() {
    }

    static RecordLayer writer(ProtectionScheme scheme, OutputStream wire) {
        RecordLayer writer = new RecordLayer(InputStream.nullInputStream(), wire, () -> { });
        writer.setWriteVersion(scheme.version());
        writer.setPendingWriteState(new ConnectionState(scheme.spec(), scheme.writer(),
                CompressionMethod.NULL.newState(true)));
        writer.activatePendingWriteState();
        return writer;
    }

    static RecordLayer reader(ProtectionScheme scheme, byte[] wire) throws TlsAlertException {
        RecordLayer reader = new RecordLayer(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), () -> { });
        reader.setRequiredReadVersion(scheme.version());
        reader.setPendingReadState(new ConnectionState(scheme.spec(), scheme.reader(),
                CompressionMethod.NULL.newState(false)));
        reader.activatePendingReadState();
        return reader;
    }
}
