package dev.iamkata.grade;

import java.nio.file.Path;

/**
 * What {@code kata grade} was asked, before validation.
 *
 * @param lessonId the lesson id
 * @param script {@code --script FILE}, or {@code null}
 * @param all {@code --all DIR}, or {@code null}
 * @param format {@code --format} as typed
 * @param out {@code --out FILE}, or {@code null} for standard output
 * @param outDir {@code --out-dir D} (only with {@code --all}), or {@code null}
 * @param lang {@code --lang} as typed
 * @param color whether text reports on standard output may use colour (a terminal, no NO_COLOR)
 */
public record GradeOptions(
    String lessonId,
    Path script,
    Path all,
    String format,
    Path out,
    Path outDir,
    String lang,
    boolean color) {}
