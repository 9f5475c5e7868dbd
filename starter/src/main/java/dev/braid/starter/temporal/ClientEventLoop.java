package dev.braid.starter.temporal;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/**
 * The network threads of braid's connections to Temporal, braid's own so that it can stop them.
 * gRPC's shared ones outlive the channels that used them by a second, sitting in a native call, and
 * the JVM waits 300 ms at exit for threads in native code: a quick command such as {@code braid
 * status} spent a quarter of its time there.
 */
final class ClientEventLoop {
  private final EventLoopGroup group =
      new NioEventLoopGroup(2, new DefaultThreadFactory("braid-grpc", true));

  /** The options, with channels that use these threads. */
  WorkflowServiceStubsOptions apply(WorkflowServiceStubsOptions options) {
    return WorkflowServiceStubsOptions.newBuilder(options)
        .setChannelInitializer(
            builder -> {
              if (builder instanceof NettyChannelBuilder netty) {
                netty.eventLoopGroup(group).channelType(NioSocketChannel.class);
              }
            })
        .build();
  }

  /** Stops the threads, once the channels that used them are shut down. */
  void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
