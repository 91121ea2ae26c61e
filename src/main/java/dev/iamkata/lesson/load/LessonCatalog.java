package dev.iamkata.lesson.load;

import dev.iamkata.lesson.model.Lesson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where lessons are found: {@code $IAM_KATA_LESSONS}, else {@code lessons/} of the checkout the jar
 * was built in ({@code target/iam-kata.jar} → its parent's parent), else the copy bundled in the
 * jar (so {@code kata lessons} works wherever the jar runs).
 */
public final class LessonCatalog {
  /** The environment variable naming a lessons folder. */
  public static final String ENV = "IAM_KATA_LESSONS";

  private final Path root;

  public LessonCatalog(Path root) {
    this.root = root;
  }

  /** The catalog for this process, from {@code env} (normally {@code System.getenv()}). */
  public static LessonCatalog locate(Map<String, String> env) {
    String set = env.get(ENV);
    if (set != null && !set.isBlank()) {
      return new LessonCatalog(Path.of(set));
    }
    Path checkout = checkoutLessons();
    if (checkout != null) {
      return new LessonCatalog(checkout);
    }
    Path bundled = bundled();
    return new LessonCatalog(bundled == null ? Path.of("lessons") : bundled);
  }

  private static Path checkoutLessons() {
    try {
      URL where = LessonCatalog.class.getProtectionDomain().getCodeSource().getLocation();
      Path jar = Path.of(where.toURI());
      Path top = jar.getParent() == null ? null : jar.getParent().getParent();
      Path lessons = top == null ? null : top.resolve("lessons");
      return lessons != null && Files.isDirectory(lessons) ? lessons : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static Path bundled() {
    URL marker = LessonCatalog.class.getResource("/lessons/lesson.schema.json");
    if (marker == null) {
      return null;
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/lessons");
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return null;
    }
  }

  public Path root() {
    return root;
  }

  /** The folders under the root that hold a {@code lesson.yaml}, by name. */
  public List<Path> folders() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(LessonLoader.FILE)))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  /** Every lesson, loaded and checked, in catalog order (order, then id); broken ones last. */
  public List<LessonLoader.Result> loadAll() throws IOException {
    List<LessonLoader.Result> out = new ArrayList<>();
    for (Path folder : folders()) {
      out.add(LessonLoader.check(folder));
    }
    out.sort(
        Comparator.comparing((LessonLoader.Result r) -> r.lesson() == null)
            .thenComparingInt(r -> r.lesson() == null ? 0 : r.lesson().order())
            .thenComparing(r -> r.lesson() == null ? "" : r.lesson().id()));
    return out;
  }

  /** The lesson {@code id}: a folder of the catalog, or a path to a lesson folder. */
  public Lesson load(String id) throws LessonLoadException {
    Path folder = root.resolve(id);
    if (!Files.isDirectory(folder) && Files.isDirectory(Path.of(id))) {
      folder = Path.of(id);
    }
    if (!Files.isRegularFile(folder.resolve(LessonLoader.FILE))) {
      throw new LessonLoadException(
          List.of(
              new Problem(
                  folder.resolve(LessonLoader.FILE), 1, 1, "no lesson \"" + id + "\" in " + root)));
    }
    return LessonLoader.load(folder);
  }
}
