package dev.iamkata.lesson;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learner's environment: a sandboxed home (with {@code ~/.aws/config} and {@code
 * ~/.aws/credentials}), the variables the learner exported, the working directory, and the endpoint
 * every aws call goes to. Nothing here points at the learner's real {@code ~/.aws}, and {@link
 * #endpoint()} is not a variable the learner can unset: whatever they type, AWS calls go to the
 * lesson's backend, never to a real account.
 *
 * <p>Not thread-safe: one learner's commands run one at a time.
 */
public final class Workspace {
  private final Path home;
  private final String endpoint;
  private final String region;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private Path cwd;

  /**
   * @param home the sandboxed home directory (created by the caller)
   * @param endpoint the backend's AWS endpoint
   * @param region the default region when the learner's profile names none
   */
  public Workspace(Path home, String endpoint, String region) {
    this.home = home.toAbsolutePath();
    this.endpoint = endpoint;
    this.region = region;
    this.cwd = this.home;
    variables.put("HOME", this.home.toString());
  }

  public Path home() {
    return home;
  }

  public String endpoint() {
    return endpoint;
  }

  public String region() {
    return region;
  }

  public Path cwd() {
    return cwd;
  }

  public void cd(Path dir) {
    cwd = resolve(dir.toString());
  }

  /** The learner's variables (HOME and whatever they exported), read-only. */
  public Map<String, String> variables() {
    return Collections.unmodifiableMap(variables);
  }

  /** A variable's value, or null. */
  public String variable(String name) {
    return variables.get(name);
  }

  public void export(String name, String value) {
    variables.put(name, value);
  }

  public void unset(String name) {
    if (!name.equals("HOME")) {
      variables.remove(name);
    }
  }

  /** {@code ~/.aws/config}, or {@code $AWS_CONFIG_FILE} when the learner set it. */
  public Path awsConfigFile() {
    String set = variables.get("AWS_CONFIG_FILE");
    return set == null ? home.resolve(".aws/config") : resolve(set);
  }

  /** {@code ~/.aws/credentials}, or {@code $AWS_SHARED_CREDENTIALS_FILE} when set. */
  public Path awsCredentialsFile() {
    String set = variables.get("AWS_SHARED_CREDENTIALS_FILE");
    return set == null ? home.resolve(".aws/credentials") : resolve(set);
  }

  /** A path as the learner wrote it: {@code ~} is the sandboxed home, relative is from cwd. */
  public Path resolve(String path) {
    if (path.equals("~")) {
      return home;
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2)).normalize();
    }
    return cwd.resolve(path).normalize();
  }
}
