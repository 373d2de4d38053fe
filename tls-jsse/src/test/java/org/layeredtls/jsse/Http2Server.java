package org.layeredtls.jsse;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.ssl.SslHandler;

/**
 * An HTTP/2 server (Netty's HTTP/2 frame codec) whose TLS is our {@link SSLEngine}, offering only {@code h2} by
 * ALPN: it answers every request with 200 and a line naming the path, the protocol and the suite. On
 * 127.0.0.1, an ephemeral port; {@link #close()} stops it. ALPN either from the engine's own list
 * ({@link #Http2Server(Supplier)}) or from Netty's ALPN support over our {@code SSLContext}
 * ({@link #withNettyAlpn}: Netty's {@code JdkSslContext} sets a protocol selector on each engine).
 */
final class Http2Server implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel listening;

    /** {@code engines}: a new server-mode engine for each connection, given the ALPN list {@code h2}. */
    Http2Server(Supplier<SSLEngine> engines) throws InterruptedException {
        this(channel -> {
            SSLEngine engine = engines.get();
            engine.setUseClientMode(false);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2"}); // RFC 7540 §3.3: h2 over TLS
            engine.setSSLParameters(parameters);
            return new SslHandler(engine);
        });
    }

    /** Netty's own TLS setup over our context: {@code JdkSslContext} with ALPN {@code h2}, which selects by a selector. */
    static Http2Server withNettyAlpn(javax.net.ssl.SSLContext context) throws InterruptedException {
        io.netty.handler.ssl.SslContext netty = new io.netty.handler.ssl.JdkSslContext(context, false, null,
                io.netty.handler.ssl.IdentityCipherSuiteFilter.INSTANCE,
                new io.netty.handler.ssl.ApplicationProtocolConfig(io.netty.handler.ssl.ApplicationProtocolConfig.Protocol.ALPN,
                        io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        io.netty.handler.ssl.ApplicationProtocolNames.HTTP_2),
                io.netty.handler.ssl.ClientAuth.NONE, null, false);
        return new Http2Server(channel -> netty.newHandler(channel.alloc()));
    }

    private Http2Server(java.util.function.Function<SocketChannel, SslHandler> tls) throws InterruptedException {
        listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SslHandler handler = tls.apply(channel);
                        channel.pipeline().addLast(handler, Http2FrameCodecBuilder.forServer().build(),
                                new Responder(handler.engine()));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        listening.close().sync();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    }

    /** Answers each request (its HEADERS frame ends the stream: a GET) on the request's stream. */
    private static final class Responder extends ChannelDuplexHandler {
        private final SSLEngine engine;

        Responder(SSLEngine engine) {
            this.engine = engine;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof Http2HeadersFrame request && request.isEndStream()) {
                String body = "h2 " + request.headers().path() + " over " + engine.getSession().getProtocol() + " "
                        + engine.getSession().getCipherSuite() + " ALPN " + engine.getApplicationProtocol() + "\n";
                context.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                        .set("content-type", "text/plain")).stream(request.stream()));
                context.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), true)
                        .stream(request.stream()));
            }
            io.netty.util.ReferenceCountUtil.release(message);
        }
    }
}
