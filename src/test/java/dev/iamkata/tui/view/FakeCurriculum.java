package dev.iamkata.tui.view;

import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.model.CatalogEntry;
import dev.iamkata.tui.model.Curriculum;
import dev.iamkata.tui.model.LessonSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory catalog of three lessons, in both languages. */
final class FakeCurriculum implements Curriculum {
  final Map<String, Integer> done = new LinkedHashMap<>();
  final List<String> resets = new ArrayList<>();
  final Map<String, FakeSession> sessions = new LinkedHashMap<>();

  FakeCurriculum() {
    done.put("assume-role-basics", 3);
    done.put("session-expiry", 0);
    done.put("cross-account", 0);
  }

  @Override
  public List<CatalogEntry> catalog(Language language) {
    boolean ja = language == Language.JA;
    return List.of(
        new CatalogEntry(
            "assume-role-basics",
            "articles",
            1,
            ja ? "AssumeRole の疑問を一つずつ" : "AssumeRole, one question at a time",
            ja
                ? "拒否されたユーザーから、ロールの一時的な認証情報まで。"
                : "From a denied user to a role's temporary credentials.",
            20,
            List.of("sts", "trust-policy"),
            List.of(),
            8,
            done.get("assume-role-basics")),
        // listed out of level order: the catalog must still show each group once
        new CatalogEntry(
            "cross-account",
            "beyond",
            2,
            ja ? "アカウントをまたぐ" : "Across accounts",
            ja ? "別アカウントのロールを引き受ける。" : "Assume a role in another account.",
            25,
            List.of("cross-account"),
            List.of("assume-role-basics"),
            5,
            done.get("cross-account")),
        new CatalogEntry(
            "session-expiry",
            "articles",
            1,
            ja ? "一時間後に期限切れ" : "An hour later: ExpiredToken",
            ja ? "セッションの期限を仮想時計で確かめる。" : "Watch a session expire on the virtual clock.",
            10,
            List.of("expiry"),
            List.of("assume-role-basics"),
            3,
            done.get("session-expiry")));
  }

  @Override
  public LessonSession open(String lessonId, Language language) {
    return sessions.computeIfAbsent(lessonId, id -> new FakeSession(id, language));
  }

  @Override
  public void reset(String lessonId) {
    resets.add(lessonId);
    done.put(lessonId, 0);
  }

  @Override
  public String backendName() {
    return "embedded";
  }
}
