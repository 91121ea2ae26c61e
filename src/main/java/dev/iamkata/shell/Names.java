package dev.iamkata.shell;

import java.util.regex.Pattern;

/** Shell variable names: a letter or underscore, then letters, digits and underscores. */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Names() {}

  static boolean isName(String s) {
    return NAME.matcher(s).matches();
  }
}
