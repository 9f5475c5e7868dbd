package dev.braid.starter.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code <repo>/.parallel/temporal/server.json} says about the repository's dev server, read
 * as a user's script would: the file is the contract, not braid's classes.
 *
 * @param pid the server's process id
 * @param port its gRPC port
 */
record ServerRecord(long pid, int port) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ServerRecord of(Path repo) throws IOException {
    JsonNode node = JSON.readTree(repo.resolve(".parallel/temporal/server.json").toFile());
    return new ServerRecord(node.get("pid").asLong(), node.get("port").asInt());
  }

  /** The server's process, if it runs. */
  Optional<ProcessHandle> process() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }
}
