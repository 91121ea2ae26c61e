package dev.iamkata.shell.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.args.ParamFiles;
import dev.iamkata.shell.aws.args.ParamParser;
import dev.iamkata.shell.aws.output.ResponseTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The operations with a streaming body, as aws CLI v2 runs them: {@code lambda invoke} and {@code
 * s3api get-object} write the body to the {@code outfile} positional (bytes as returned) and print
 * the other members; {@code s3api put-object} sends the file {@code --body} names (none: empty).
 */
final class Streaming {
  private Streaming() {}

  /** Whether {@code op} is one of the streaming operations. */
  static boolean handles(OperationModel op) {
    return switch (op.service()) {
      case LAMBDA -> op.name().equals("Invoke");
      case S3API -> op.name().equals("GetObject") || op.name().equals("PutObject");
      default -> false;
    };
  }

  /** Calls {@code op} and returns the members the CLI prints. */
  static ObjectNode call(
      AwsSession session,
      OperationModel op,
      SdkRequest request,
      ParamParser parser,
      ParamFiles files) {
    if (op.name().equals("Invoke")) {
      InvokeResponse r = (InvokeResponse) session.call(op, request);
      write(files.resolve(parser.outfile()), r.payload().asByteArrayUnsafe());
      ObjectNode tree = ResponseTree.of(r);
      tree.remove("Payload");
      return tree;
    }
    if (op.name().equals("GetObject")) {
      ResponseBytes<?> r = (ResponseBytes<?>) session.invoke(op, request);
      write(files.resolve(parser.outfile()), r.asByteArrayUnsafe());
      return ResponseTree.of((SdkPojo) r.response());
    }
    PutObjectRequest put = (PutObjectRequest) request;
    if (put.contentType() == null) {
      // the CLI sends no Content-Type (S3 stores binary/octet-stream); the SDK would guess one
      // from the file's name
      put = put.toBuilder().contentType("binary/octet-stream").build();
    }
    RequestBody body =
        parser.body() == null
            ? RequestBody.empty()
            : RequestBody.fromFile(files.resolve(parser.body()));
    return ResponseTree.of((SdkPojo) session.invoke(op, put, body));
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      // the CLI's message for an OSError from open()
      throw AwsCliException.of(
          AwsCliException.GENERAL,
          "[Errno 2] No such file or directory: '" + file.getFileName() + "'");
    }
  }
}
