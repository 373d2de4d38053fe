package org.layeredtls.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layeredtls.handshake.interop.TestPki;

/**
 * Netty, client and server, each with our {@link SSLEngine} in its {@link SslHandler}: 10 MB each way at the same
 * time over 127.0.0.1, each side's SHA-256 of what it received equal to the other's of what it sent.
 */
class NettyOverSslEngineTest {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    static Path directory;
    private static TestPki pki;

    @BeforeAll
    static void createPki() throws Exception {
        pki = TestPki.create(directory);
    }

    /** Sends {@code seed}'s 10 MB once the handshake is done; digests what arrives; completes when 10 MB have. */
    private static final class Exchange extends SimpleChannelInboundHandler<ByteBuf> {
        final CompletableFuture<byte[]> receivedDigest = new CompletableFuture<>();
        final byte[] sentDigest;
        private final byte[] data;
        private final MessageDigest received = sha256();
        private long count;

        Exchange(long seed) {
            data = new byte[TEN_MB];
            new Random(seed).nextBytes(data);
            sentDigest = sha256().digest(data);
        }

        void sendAll(Channel channel) {
            for (int at = 0; at < data.length; at += CHUNK) {
                channel.write(Unpooled.wrappedBuffer(data, at, Math.min(CHUNK, data.length - at)));
            }
            channel.flush();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, ByteBuf message) {
            byte[] bytes = new byte[message.readableBytes()];
            message.readBytes(bytes);
            received.update(bytes);
            count += bytes.length;
            if (count == TEN_MB) {
                receivedDigest.complete(received.digest());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            receivedDigest.completeExceptionally(cause);
            context.close();
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A pipeline: our engine in an SslHandler, then the exchange, which starts sending when the handshake is done. */
    private static ChannelInitializer<SocketChannel> pipeline(SSLEngine engine, Exchange exchange) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                SslHandler tls = new SslHandler(engine);
                tls.setHandshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(30));
                channel.pipeline().addLast(tls, exchange);
                tls.handshakeFuture().addListener(done -> {
                    if (done.isSuccess()) {
                        exchange.sendAll(channel);
                    } else {
                        exchange.receivedDigest.completeExceptionally(done.cause());
                    }
                });
            }
        };
    }

    @Test
    void aNettyClientAndServerOnOurEngineExchangeTenMegabytesEachWay() throws Exception {
        SSLContext serverContext = TestManagers.layered(pki, pki.serverRsa());
        SSLContext clientContext = TestManagers.layered(pki, null);
        SSLEngine serverEngine = serverContext.createSSLEngine();
        serverEngine.setUseClientMode(false);
        SSLEngine clientEngine = clientContext.createSSLEngine("localhost", 0);
        clientEngine.setUseClientMode(true);
        Exchange server = new Exchange(1);
        Exchange client = new Exchange(2);

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(pipeline(serverEngine, server))
                    .bind("127.0.0.1", 0).sync().channel();
            int port = ((java.net.InetSocketAddress) listening.localAddress()).getPort();
            Channel connection = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(pipeline(clientEngine, client))
                    .connect("127.0.0.1", port).sync().channel();

            assertArrayEquals(client.sentDigest, server.receivedDigest.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "the server received the client's 10 MB");
            assertArrayEquals(server.sentDigest, client.receivedDigest.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
                    "the client received the server's 10 MB");
            assertEquals("TLSv1.2", clientEngine.getSession().getProtocol());
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", serverEngine.getSession().getCipherSuite());

            connection.close().sync(); // SslHandler sends close_notify first
            assertTrue(clientEngine.isOutboundDone());
            listening.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }
}
