package org.layeredtls.handshake.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two halves of the echo the in-process peer tests run over any pair of streams (ours, SunJSSE's,
 * bctls's): one side sends bytes and reads them back at the same time, the other returns whatever it reads
 * until the end of the stream (the peer's close_notify). Bytes are written as an application would,
 * {@value #WRITE_SIZE} bytes a write.
 */
final class EchoStreams {

    static final int WRITE_SIZE = 16384;

    private EchoStreams() {
    }

    /** Writes {@code data} {@value #WRITE_SIZE} bytes a write, then flushes. */
    static void writeInChunks(OutputStream out, byte[] data) throws IOException {
        for (int offset = 0; offset < data.length; offset += WRITE_SIZE) {
            out.write(data, offset, Math.min(WRITE_SIZE, data.length - offset));
        }
        out.flush();
    }

    /**
     * Sends {@code data} on a thread of its own while reading as many bytes back (the echo), so that neither
     * side's buffers fill up; returns what came back. Bounded by {@link Exchange#WAIT}.
     */
    static byte[] roundTrip(InputStream in, OutputStream out, byte[] data) throws IOException, InterruptedException {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                writeInChunks(out, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] back = in.readNBytes(data.length);
        try {
            writer.get(Exchange.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("writing the " + data.length + " bytes failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("writing the " + data.length + " bytes took over " + Exchange.WAIT, e);
        }
        return back;
    }

    /** Returns every byte read to the writer, until the end of the stream (the peer's close_notify); the count. */
    static long echoUntilEnd(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[WRITE_SIZE];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
            total += n;
        }
        return total;
    }
}
