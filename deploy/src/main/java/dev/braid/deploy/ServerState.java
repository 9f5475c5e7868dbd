package dev.braid.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What {@code server.json} records about the dev server of one state folder. Later braid processes
 * read it to find the server again, and to start a new one on the same ports.
 *
 * @param pid the server's process id
 * @param port the front end's gRPC port
 * @param uiPort the Web UI's port
 * @param dbFile the SQLite file, absolute
 * @param startedAt when it was started, ISO-8601
 */
public record ServerState(long pid, int port, int uiPort, String dbFile, String startedAt) {
  /** The file's name inside the state folder. */
  public static final String FILE_NAME = "server.json";

  // Unknown fields are skipped so that a newer braid's server.json still reads.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Reads the state folder's record. A missing or unreadable file means no server is known; an
   * unreadable one is not an error because a new server simply replaces it.
   */
  public static Optional<ServerState> read(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), ServerState.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the record through a temporary file, so a reader never sees half of it. */
  public void write(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    Path tmp = stateDir.resolve(FILE_NAME + ".tmp");
    try {
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The client's view of this server. */
  public DevServerInfo info() {
    return new DevServerInfo(
        pid,
        DevServer.HOST + ":" + port,
        "http://" + DevServer.HOST + ":" + uiPort,
        Path.of(dbFile));
  }
}
