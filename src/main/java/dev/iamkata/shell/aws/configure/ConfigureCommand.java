package dev.iamkata.shell.aws.configure;

import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.AwsSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws configure}: the four prompts ({@code AWS Access Key ID [None]: } ...) read from stdin,
 * {@code set}, {@code get} and {@code list}, writing keys to the credentials file and the rest to
 * the config file as the CLI does.
 */
public final class ConfigureCommand {
  private static final Set<String> CREDENTIAL_KEYS =
      Set.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");
  private static final String[][] PROMPTS = {
    {"aws_access_key_id", "AWS Access Key ID"},
    {"aws_secret_access_key", "AWS Secret Access Key"},
    {"region", "Default region name"},
    {"output", "Default output format"}
  };

  private final AwsSession session;
  private final BufferedReader in;
  private final PrintStream out;

  public ConfigureCommand(AwsSession session, BufferedReader in, PrintStream out) {
    this.session = session;
    this.in = in;
    this.out = out;
  }

  /** Runs {@code aws configure WORDS}. */
  public int run(List<String> words) {
    if (words.isEmpty()) {
      return interactive();
    }
    switch (words.get(0)) {
      case "set":
        if (words.size() < 3) {
          throw AwsCliException.usage("the following arguments are required: varname, value");
        }
        return set(words.get(1), words.get(2));
      case "get":
        if (words.size() < 2) {
          throw AwsCliException.usage("the following arguments are required: varname");
        }
        return get(words.get(1));
      case "list":
        return list();
      default:
        throw AwsCliException.usage(
            "argument subcommand: Invalid choice, valid choices are:\n\n"
                + String.format("%-40s", "list")
                + " | "
                + String.format("%-40s", "get")
                + "\n"
                + String.format("%-40s", "set")
                + " | "
                + String.format("%-40s", "import"));
    }
  }

  private String profile() {
    return session.profileName();
  }

  private static String section(String profile) {
    return profile == null || profile.equals("default") ? "default" : "profile " + profile;
  }

  private int interactive() {
    String name = profile() == null ? "default" : profile();
    Map<String, String> current = session.files().profile(name);
    Map<String, String> changed = new LinkedHashMap<>();
    for (String[] p : PROMPTS) {
      String value = current == null ? null : current.get(p[0]);
      String shown = CREDENTIAL_KEYS.contains(p[0]) ? mask(value) : String.valueOf(value);
      out.print(p[1] + " [" + shown + "]: ");
      out.flush();
      String answer = readLine();
      if (answer != null && !answer.isEmpty() && !answer.equals(value)) {
        changed.put(p[0], answer);
      }
    }
    if (!changed.isEmpty()) {
      Map<String, String> creds = new LinkedHashMap<>();
      for (String k : List.of("aws_access_key_id", "aws_secret_access_key")) {
        if (changed.containsKey(k)) {
          creds.put(k, changed.remove(k));
        }
      }
      if (!creds.isEmpty()) {
        ConfigWriter.update(
            session.files().credentialsFile(), profile() == null ? "default" : profile(), creds);
      }
      ConfigWriter.update(session.files().configFile(), section(profile()), changed);
    }
    return 0;
  }

  private int set(String varname, String value) {
    String profile = profile();
    String key = varname;
    if (varname.contains(".")) {
      String[] parts = varname.split("\\.");
      if (parts[0].equals("default") && parts.length == 2) {
        profile = "default";
        key = parts[1];
      } else if (parts[0].equals("profile") && parts.length == 3) {
        profile = parts[1];
        key = parts[2];
      }
    }
    if (CREDENTIAL_KEYS.contains(key)) {
      ConfigWriter.update(
          session.files().credentialsFile(),
          profile == null ? "default" : profile,
          Map.of(key, value));
    } else {
      ConfigWriter.update(session.files().configFile(), section(profile), Map.of(key, value));
    }
    return 0;
  }

  private int get(String varname) {
    String profile = profile() == null ? "default" : profile();
    String key = varname;
    if (varname.startsWith("default.")) {
      profile = "default";
      key = varname.substring(8);
    } else if (varname.startsWith("profile.") && varname.split("\\.").length == 3) {
      profile = varname.split("\\.")[1];
      key = varname.split("\\.")[2];
    }
    Map<String, String> p = session.files().profile(profile);
    String value = p == null ? null : p.get(key);
    if (value == null) {
      return 1;
    }
    out.print(value + "\n");
    return 0;
  }

  private int list() {
    Map<String, String> env = session.env();
    line("Name", "Value", "Type", "Location");
    line("----", "-----", "----", "--------");
    if (session.options().profile() != null) {
      line("profile", session.options().profile(), "manual", "--profile");
    } else if (env.get("AWS_PROFILE") != null && !env.get("AWS_PROFILE").isEmpty()) {
      line("profile", env.get("AWS_PROFILE"), "env", "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']");
    } else {
      line("profile", "<not set>", "None", "None");
    }
    String name = profile() == null ? "default" : profile();
    Map<String, String> p = session.files().profile(name);
    if (session.options().profile() == null
        && env.get("AWS_ACCESS_KEY_ID") != null
        && !env.get("AWS_ACCESS_KEY_ID").isEmpty()) {
      line("access_key", mask(env.get("AWS_ACCESS_KEY_ID")), "env", "");
      line("secret_key", mask(env.get("AWS_SECRET_ACCESS_KEY")), "env", "");
    } else if (p != null && p.containsKey("aws_access_key_id")) {
      line("access_key", mask(p.get("aws_access_key_id")), "shared-credentials-file", "");
      line("secret_key", mask(p.get("aws_secret_access_key")), "shared-credentials-file", "");
    } else {
      line("access_key", "<not set>", "None", "None");
      line("secret_key", "<not set>", "None", "None");
    }
    String region =
        firstNonEmpty(
            session.options().region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    if (session.options().region() != null) {
      line("region", region, "manual", "--region");
    } else if (region != null) {
      line(
          "region",
          region,
          "env",
          env.get("AWS_REGION") != null ? "AWS_REGION" : "AWS_DEFAULT_REGION");
    } else if (p != null && p.get("region") != null) {
      String shown =
          env.get("AWS_CONFIG_FILE") != null ? env.get("AWS_CONFIG_FILE") : "~/.aws/config";
      line("region", p.get("region"), "config-file", shown);
    } else {
      line("region", "<not set>", "None", "None");
    }
    return 0;
  }

  private void line(String name, String value, String type, String location) {
    out.print(String.format("%10s %24s %16s    %s\n", name, value, type, location));
  }

  private static String firstNonEmpty(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** The CLI's {@code mask_value}: sixteen stars and the last four characters. */
  static String mask(String value) {
    return value == null
        ? "None"
        : "*".repeat(16) + value.substring(Math.max(0, value.length() - 4));
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
