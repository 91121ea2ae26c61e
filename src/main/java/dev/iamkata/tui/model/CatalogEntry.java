package dev.iamkata.tui.model;

import java.util.List;

/**
 * One lesson in the catalog.
 *
 * @param id the lesson id
 * @param track {@code articles} or {@code beyond}
 * @param level 1 beginner, 2 intermediate, 3 advanced
 * @param title the title in the learner's language
 * @param summary the summary in the learner's language
 * @param minutes estimated minutes
 * @param tags the lesson's tags
 * @param prerequisites ids of lessons to do first
 * @param steps how many steps
 * @param stepsDone how many steps are done (passed or skipped)
 */
public record CatalogEntry(
    String id,
    String track,
    int level,
    String title,
    String summary,
    int minutes,
    List<String> tags,
    List<String> prerequisites,
    int steps,
    int stepsDone) {

  public CatalogEntry {
    tags = List.copyOf(tags);
    prerequisites = List.copyOf(prerequisites);
  }

  public boolean done() {
    return steps > 0 && stepsDone >= steps;
  }

  /** Whether the filter text (case-insensitive) appears in the id, title, summary or a tag. */
  public boolean matches(String filter) {
    if (filter.isBlank()) {
      return true;
    }
    String f = filter.strip().toLowerCase(java.util.Locale.ROOT);
    return id.contains(f)
        || title.toLowerCase(java.util.Locale.ROOT).contains(f)
        || summary.toLowerCase(java.util.Locale.ROOT).contains(f)
        || tags.stream().anyMatch(t -> t.contains(f));
  }
}
