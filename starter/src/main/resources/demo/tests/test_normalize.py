import unittest

from textstats.normalize import fold_case, normalize_whitespace


class NormalizeTest(unittest.TestCase):
    def test_collapses_runs_of_whitespace(self):
        self.assertEqual(normalize_whitespace("  a \t b\n\nc  "), "a b c")

    def test_empty_text_stays_empty(self):
        self.assertEqual(normalize_whitespace(" \n "), "")

    def test_fold_case(self):
        self.assertEqual(fold_case("Straße"), "strasse")


if __name__ == "__main__":
    unittest.main()
