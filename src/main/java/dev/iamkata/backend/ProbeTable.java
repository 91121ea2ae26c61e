package dev.iamkata.backend;

import java.util.ArrayList;
import java.util.List;

/** The capability probe's result as the plain-text table {@code kata backend probe} prints. */
public final class ProbeTable {
  private ProbeTable() {}

  /** One line per capability and per service, columns aligned, and any leftovers at the end. */
  public static String render(Backend backend, CapabilityProbe.Result result) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"capability", "", "what the probe saw"});
    for (Capability c : Capability.values()) {
      rows.add(
          new String[] {
            name(c), result.capabilities().has(c) ? "yes" : "no", result.evidence().get(c)
          });
    }
    rows.add(new String[] {"", "", ""});
    rows.add(new String[] {"service", "", "a cheap read as the admin"});
    for (String service : CapabilityProbe.SERVICES) {
      rows.add(
          new String[] {
            service,
            result.capabilities().serves(service) ? "yes" : "no",
            result.serviceEvidence().get(service)
          });
    }
    int first = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    out.append("backend ")
        .append(backend.name())
        .append(" at ")
        .append(backend.endpoint())
        .append(", account ")
        .append(backend.accountId())
        .append('\n')
        .append('\n');
    for (String[] row : rows) {
      String line =
          String.format("%-" + first + "s  %-3s  %s", row[0], row[1], row[2] == null ? "" : row[2]);
      out.append(line.stripTrailing()).append('\n');
    }
    if (!result.leftovers().isEmpty()) {
      out.append('\n').append("the probe could not delete what it created:\n");
      result.leftovers().forEach(l -> out.append("  ").append(l).append('\n'));
    }
    return out.toString();
  }

  /** {@code IDENTITY_POLICIES} as {@code identity-policies}. */
  public static String name(Capability c) {
    return c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
