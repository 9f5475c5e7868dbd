package dev.braid.activities.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file braid parses as UTF-8 text, refusing what it must not read: a directory, a FIFO or
 * device (which could block forever or never end), a file over {@link InputLimits#MAX_FILE_BYTES},
 * or bytes that are not UTF-8 (a binary file).
 */
public final class BoundedText {

  private BoundedText() {}

  /** A file that cannot be read as text, with the reason as a sentence fragment. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason);
    }
  }

  /**
   * The file's text.
   *
   * @throws Refused with why it was not read
   */
  public static String read(Path file) throws Refused {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new Refused("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (attributes.isDirectory()) {
      throw new Refused("is a directory, not a file");
    }
    if (!attributes.isRegularFile()) {
      throw new Refused("is not a regular file (a FIFO, device or socket)");
    }
    if (attributes.size() > InputLimits.MAX_FILE_BYTES) {
      throw new Refused(
          "is "
              + attributes.size()
              + " bytes; the limit is "
              + InputLimits.MAX_FILE_BYTES
              + " bytes");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Refused("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > InputLimits.MAX_FILE_BYTES) {
      throw new Refused("grew past the limit of " + InputLimits.MAX_FILE_BYTES + " bytes");
    }
    try {
      return decode(bytes);
    } catch (CharacterCodingException e) {
      throw new Refused("is not UTF-8 text");
    }
  }

  /** Whether something other than a missing file is at the path (a FIFO, a directory, ...). */
  public static boolean existsAtAll(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  /** Strict UTF-8: malformed bytes fail instead of turning into replacement characters. */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
