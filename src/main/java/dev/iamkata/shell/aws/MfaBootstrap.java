package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.args.ParamFiles;
import dev.iamkata.shell.aws.args.ParamParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * {@code iam create-virtual-mfa-device --outfile F --bootstrap-method M}, as awscli's {@code
 * iamvirtmfa.py} does it: the chosen member's bytes go to F (readable by the owner only), and both
 * bootstrap members are left out of what is printed, so the seed never lands on the screen.
 */
final class MfaBootstrap {
  private static final String[] METHODS = {"QRCodePNG", "Base32StringSeed"};

  private MfaBootstrap() {}

  static void save(ObjectNode result, ParamParser parser, ParamFiles files) {
    if (!(result.get("VirtualMFADevice") instanceof ObjectNode device)) {
      return;
    }
    JsonNode chosen = device.get(parser.bootstrapMethod());
    if (chosen != null) {
      write(files.resolve(parser.mfaOutfile()), Base64.getDecoder().decode(chosen.asText()));
    }
    for (String method : METHODS) {
      device.remove(method);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // a file system without POSIX permissions keeps its defaults, as Python's chmod would
      }
    } catch (IOException e) {
      throw AwsCliException.of(
          AwsCliException.GENERAL,
          "[Errno 2] No such file or directory: '" + file.getFileName() + "'");
    }
  }
}
