package dev.braid.starter.transcript;

import dev.braid.starter.cli.UsageError;

/** A plan that could not be extracted, or not written: exit code 2, and nothing was written. */
public final class ExtractionRefused extends UsageError {
  private static final long serialVersionUID = 1L;

  ExtractionRefused(String message) {
    super(message);
  }
}
