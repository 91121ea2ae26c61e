package dev.iamkata.shell.aws.args;

import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.AwsService;
import dev.iamkata.shell.aws.OperationModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.lambda.model.FunctionCode;

/**
 * The awscli customizations of operations lessons use: {@code ec2 run-instances --count N[:M]}
 * instead of {@code --min-count}/{@code --max-count} (both default to 1, {@code addcount.py}), and
 * {@code lambda create-function --zip-file fileb://f.zip} for {@code Code.ZipFile} ({@code
 * awslambda.py}). Streaming members as {@code streamingoutputarg.py} and {@code argprocess.py} give
 * them: the response body of {@code lambda invoke} and {@code s3api get-object} goes to a required
 * {@code outfile} positional; {@code s3api put-object --body} names a file. {@code iam
 * create-virtual-mfa-device} requires {@code --outfile} and {@code --bootstrap-method} ({@code
 * iamvirtmfa.py}): where the seed or QR code goes.
 */
final class Customizations {
  private final OperationModel op;
  private String count;
  private String zipFile;
  private String body;
  private String mfaOutfile;
  private String bootstrapMethod;

  private static final List<String> MFA_METHODS = List.of("QRCodePNG", "Base32StringSeed");

  Customizations(OperationModel op) {
    this.op = op;
  }

  private boolean is(AwsService service, String name) {
    return op.service() == service && op.name().equals(name);
  }

  /** Whether the operation takes the {@code outfile} positional. */
  boolean outfile() {
    return is(AwsService.LAMBDA, "Invoke") || is(AwsService.S3API, "GetObject");
  }

  /** The {@code --outfile} of {@code iam create-virtual-mfa-device}, or null. */
  String mfaOutfile() {
    return mfaOutfile;
  }

  /** Its {@code --bootstrap-method}: {@code QRCodePNG} or {@code Base32StringSeed}. */
  String bootstrapMethod() {
    return bootstrapMethod;
  }

  /** The file {@code --body} names, or null. */
  String body() {
    return body;
  }

  /** Flags the customization removes from the operation. */
  Set<String> removedFlags() {
    return is(AwsService.EC2, "RunInstances") ? Set.of("--min-count", "--max-count") : Set.of();
  }

  /** Members not required on the command line because the customization supplies them. */
  Set<String> notRequired() {
    if (is(AwsService.EC2, "RunInstances")) {
      return Set.of("MinCount", "MaxCount");
    }
    return is(AwsService.LAMBDA, "CreateFunction") ? Set.of("Code") : Set.of();
  }

  /** Takes the customization's own flags out of the words. */
  List<String> take(List<String> words) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (is(AwsService.EC2, "RunInstances") && w.equals("--count") && i + 1 < words.size()) {
        count = words.get(++i);
      } else if (is(AwsService.LAMBDA, "CreateFunction")
          && w.equals("--zip-file")
          && i + 1 < words.size()) {
        zipFile = words.get(++i);
      } else if (is(AwsService.IAM, "CreateVirtualMFADevice")
          && (w.equals("--outfile") || w.equals("--bootstrap-method"))) {
        if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
          throw AwsCliException.usage("argument " + w + ": expected one argument");
        }
        if (w.equals("--outfile")) {
          mfaOutfile = words.get(++i);
        } else {
          bootstrapMethod = words.get(++i);
          if (!MFA_METHODS.contains(bootstrapMethod)) {
            throw AwsCliException.usage(
                "argument --bootstrap-method: invalid choice: '"
                    + bootstrapMethod
                    + "' (choose from 'QRCodePNG', 'Base32StringSeed')");
          }
        }
      } else if (is(AwsService.S3API, "PutObject") && w.equals("--body")) {
        if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
          throw AwsCliException.usage("argument --body: expected one argument");
        }
        body = words.get(++i);
      } else {
        rest.add(w);
      }
    }
    return rest;
  }

  /** The customization's own required flags that the words left out. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (is(AwsService.IAM, "CreateVirtualMFADevice")) {
      if (mfaOutfile == null) {
        missing.add("--outfile");
      }
      if (bootstrapMethod == null) {
        missing.add("--bootstrap-method");
      }
    }
    return missing;
  }

  /** Sets what the customization supplies on the request builder. */
  void apply(SdkPojo builder, ParamFiles files, boolean codeGiven) {
    if (is(AwsService.EC2, "RunInstances")) {
      int min = 1;
      int max = 1;
      if (count != null) {
        try {
          String[] parts = count.split(":");
          min = Integer.parseInt(parts[0]);
          max = Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]);
        } catch (NumberFormatException e) {
          throw AwsCliException.of(
              AwsCliException.PARAM,
              "count parameter should be of form min[:max] (e.g. 1 or 1:10)");
        }
      }
      // --min-count and --max-count are not flags here, so only --count sets them
      set(builder, "MinCount", min);
      set(builder, "MaxCount", max);
    }
    if (body != null && !java.nio.file.Files.isRegularFile(files.resolve(body))) {
      throw AwsCliException.param("--body", "Blob values must be a path to a file.");
    }
    if (is(AwsService.LAMBDA, "CreateFunction")) {
      if (zipFile != null && !zipFile.startsWith("fileb://")) {
        throw AwsCliException.of(
            AwsCliException.PARAM,
            "--zip-file must be a zip file with the fileb:// prefix.\n"
                + "Example usage:  --zip-file fileb://path/to/file.zip");
      }
      if (zipFile != null) {
        set(
            builder,
            "Code",
            FunctionCode.builder()
                .zipFile(SdkBytes.fromByteArray(files.bytes("--zip-file", zipFile)))
                .build());
      } else if (!codeGiven) {
        throw AwsCliException.of(
            AwsCliException.PARAM,
            "Parameter validation failed:\nMissing required parameter in input: \"Code\"");
      }
    }
  }

  private static void set(SdkPojo builder, String member, Object value) {
    for (SdkField<?> f : builder.sdkFields()) {
      if (f.memberName().equals(member)) {
        f.set(builder, value);
      }
    }
  }
}
