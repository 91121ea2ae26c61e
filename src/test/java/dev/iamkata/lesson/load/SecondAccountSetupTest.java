package dev.iamkata.lesson.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.SetupItem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The setup forms for a lesson's second account, read from the cross-account lessons in {@code
 * lessons/}: {@code {run, account}} commands and profiles with an {@code account}; plain command
 * lines and profiles stay in the learner's account.
 */
class SecondAccountSetupTest {
  @Test
  void commandsAndProfilesNameTheirAccount() throws Exception {
    Lesson lesson = LessonLoader.load(Path.of("lessons/why-assume-role"));
    assertTrue(
        lesson
            .setup()
            .contains(
                new SetupItem.Command("aws iam create-user --user-name bob", "{{account2}}")));
    assertTrue(lesson.setup().contains(new SetupItem.Profile("bob", "bob", "{{account2}}")));
    assertTrue(lesson.setup().contains(new SetupItem.Profile("alice", "alice")));
    assertTrue(
        lesson.setup().contains(new SetupItem.Command("aws iam create-user --user-name alice")));
  }

  @Test
  void aRunItemNeedsItsCommandAndNothingElse() {
    LessonLoader.Result result =
        LessonLoader.check(Path.of("src/test/resources/curriculum/run-typo"));
    assertFalse(result.ok());
    assertEquals(1, result.problems().size(), result.problems().toString());
    assertTrue(
        result.problems().get(0).toString().contains("5:50: unknown key \"acount\" in setup item"),
        result.problems().toString());
  }
}
