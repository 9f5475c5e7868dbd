package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConflictMarkersTest {
  @Test
  void findsEachMarkerGitWrites() {
    assertTrue(
        ConflictMarkers.present("a\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> braid/run\n"));
    assertTrue(ConflictMarkers.present("x\n=======\ny\n"));
    assertTrue(ConflictMarkers.present(">>>>>>> other\n"));
  }

  @Test
  void ignoresLookalikesInResolvedText() {
    assertFalse(ConflictMarkers.present("notes written by e\n"));
    assertFalse(ConflictMarkers.present("Title\n=======\n".replace("=======\n", "========\n")));
    assertFalse(ConflictMarkers.present("  <<<<<<< indented is not a marker\n"));
  }
}
