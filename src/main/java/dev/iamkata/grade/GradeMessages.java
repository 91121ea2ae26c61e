package dev.iamkata.grade;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The grader's own words for learners and teachers, in English and Japanese. Check messages come
 * from the lesson runner already in the chosen language; these are the ones the grader adds.
 */
public final class GradeMessages {
  /** The languages reports can be written in. */
  public static final Set<String> LANGS = Set.of("en", "ja");

  /** One message; {@code %s}/{@code %d} are filled in with {@link String#format}. */
  public enum Key {
    NOT_REACHED,
    TIMED_OUT,
    SKIPPED,
    EXPECTED,
    ACTUAL,
    SUMMARY,
    SCORE,
    RESULT,
    NO_CHECK_RAN
  }

  private static final Map<Key, String> EN = new EnumMap<>(Key.class);
  private static final Map<Key, String> JA = new EnumMap<>(Key.class);

  static {
    put(
        Key.NOT_REACHED,
        "not reached: the script ended before this step",
        "未到達: このステップに進む前にスクリプトが終わりました");
    put(Key.TIMED_OUT, "timed out", "時間切れ");
    put(Key.SKIPPED, "skipped", "スキップ");
    put(Key.EXPECTED, "expected", "期待");
    put(Key.ACTUAL, "actual", "実際");
    put(
        Key.SUMMARY,
        "%d passed, %d failed, %d errors, %d timeouts, %d skipped",
        "合格 %d、不合格 %d、エラー %d、時間切れ %d、スキップ %d");
    put(Key.SCORE, "score", "得点");
    put(Key.RESULT, "result", "結果");
    put(
        Key.NO_CHECK_RAN,
        "no check could run: every check ended in an error or a timeout",
        "実行できたチェックがありません: すべてのチェックがエラーまたは時間切れでした");
  }

  private GradeMessages() {}

  private static void put(Key key, String en, String ja) {
    EN.put(key, en);
    JA.put(key, ja);
  }

  /** The message {@code key} in {@code lang} ({@code en} for anything but {@code ja}). */
  public static String get(String lang, Key key, Object... args) {
    String pattern = ("ja".equals(lang) ? JA : EN).get(key);
    return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
  }
}
