package dev.braid.activities.plan;

import java.util.Comparator;

/**
 * Orders names the way people count: {@code task-2} before {@code task-10}. Runs of digits compare
 * as numbers, everything else character by character. Plans without {@code plan.yaml} take their
 * task order from their file names, and that order breaks ties in scheduling.
 */
final class NaturalOrder implements Comparator<String> {

  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
        int aEnd = digitsEnd(a, i);
        int bEnd = digitsEnd(b, j);
        int byValue = compareNumbers(a.substring(i, aEnd), b.substring(j, bEnd));
        if (byValue != 0) {
          return byValue;
        }
        i = aEnd;
        j = bEnd;
      } else {
        int byChar = Character.compare(a.charAt(i), b.charAt(j));
        if (byChar != 0) {
          return byChar;
        }
        i++;
        j++;
      }
    }
    int byLength = Integer.compare(a.length() - i, b.length() - j);
    // Names equal as numbers, such as task-01 and task-1, still need a fixed order.
    return byLength != 0 ? byLength : a.compareTo(b);
  }

  private static int digitsEnd(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Compares digit runs of any length without overflow: fewer significant digits is smaller. */
  private static int compareNumbers(String a, String b) {
    String aDigits = a.replaceFirst("^0+(?=.)", "");
    String bDigits = b.replaceFirst("^0+(?=.)", "");
    int byLength = Integer.compare(aDigits.length(), bDigits.length());
    return byLength != 0 ? byLength : aDigits.compareTo(bDigits);
  }
}
