package dev.braid.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port probes: is a port free, does something listen on it, find a free one. */
final class Ports {
  private static final int CONNECT_TIMEOUT_MILLIS = 500;

  private Ports() {}

  /** Whether something accepts TCP connections on the loopback port. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(DevServer.HOST, port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the loopback port can be bound now. Another process may take it a moment later. */
  static boolean isFree(int port) {
    if (port <= 0 || port > 65535) {
      return false;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(DevServer.HOST))) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }

  /** A loopback port the kernel says is free, other than {@code avoid}. */
  static int free(int avoid) {
    for (int i = 0; i < 10; i++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(DevServer.HOST))) {
        int port = socket.getLocalPort();
        if (port != avoid) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free loopback port", e);
      }
    }
    throw new IllegalStateException("the kernel kept handing out port " + avoid);
  }

  /** The preferred port when it is free and not {@code avoid}, else a free one. */
  static int preferred(int preferred, int avoid) {
    return preferred != avoid && isFree(preferred) ? preferred : free(avoid);
  }
}
