package dev.iamkata.shell.aws.s3;

import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.AwsService;
import dev.iamkata.shell.aws.AwsSession;
import dev.iamkata.shell.aws.args.Choices;
import dev.iamkata.shell.aws.args.ParamFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The CLI's high-level {@code aws s3} commands ({@code ls}, {@code mb}, {@code rb}, {@code cp},
 * {@code rm}) with their output lines ({@code 2023-08-19 12:14:19 bucket}, {@code PRE dir/}, {@code
 * upload: ./f to s3://b/f}) and failure lines, as awscli's {@code s3/subcommands.py} writes them.
 */
public final class S3Commands {
  private static final DateTimeFormatter LAST_MOD =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> COMMANDS =
      List.of("cp", "ls", "mb", "mv", "presign", "rb", "rm", "sync", "website");

  private final AwsSession session;
  private final ParamFiles files;
  private final PrintStream out;
  private final ZoneId zone;
  private PrintStream err;

  public S3Commands(AwsSession session, ParamFiles files, PrintStream out) {
    this.session = session;
    this.files = files;
    this.out = out;
    String tz = session.env().get("TZ");
    ZoneId z;
    try {
      z = tz == null || tz.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(tz);
    } catch (RuntimeException e) {
      z = ZoneId.systemDefault();
    }
    this.zone = z;
  }

  /** Runs {@code aws s3 WORDS}; failures of single transfers go to {@code err} with exit 1. */
  public int run(List<String> words, PrintStream stderr) {
    this.err = stderr;
    if (words.isEmpty()) {
      throw AwsCliException.usage("the following arguments are required: operation");
    }
    String cmd = words.get(0);
    List<String> args = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (String w : words.subList(1, words.size())) {
      (w.startsWith("--") ? flags : args).add(w);
    }
    boolean recursive = flags.contains("--recursive");
    try {
      switch (cmd) {
        case "ls":
          return ls(args, recursive);
        case "mb":
          return mb(one(args, "path"));
        case "rb":
          return rb(one(args, "path"), flags.contains("--force"));
        case "cp":
          return cp(args, recursive);
        case "rm":
          return rm(one(args, "paths"), recursive);
        default:
          if (COMMANDS.contains(cmd)) {
            throw AwsCliException.of(
                AwsCliException.GENERAL,
                "aws s3 " + cmd + " is not part of the built-in aws yet; use cp, ls, mb, rb or rm");
          }
          throw AwsCliException.usage("argument operation: " + Choices.invalid(cmd, COMMANDS));
      }
    } catch (SdkException e) {
      throw AwsSession.translate(e, lastOperation, session.endpoint(AwsService.S3API));
    }
  }

  private String lastOperation = "ListObjectsV2";

  private static String one(List<String> args, String name) {
    if (args.isEmpty()) {
      throw AwsCliException.usage("the following arguments are required: " + name);
    }
    return args.get(0);
  }

  private S3Client s3() {
    return (S3Client) session.client(AwsService.S3API);
  }

  private String lastMod(Instant t) {
    return LAST_MOD.format(t.atZone(zone));
  }

  private int ls(List<String> args, boolean recursive) {
    if (args.isEmpty() || args.get(0).equals("s3://")) {
      lastOperation = "ListBuckets";
      for (Bucket b : s3().listBuckets().buckets()) {
        out.print(lastMod(b.creationDate()) + " " + b.name() + "\n");
      }
      return 0;
    }
    String arg = args.get(0);
    S3Path path = S3Path.parse(S3Path.is(arg) ? arg : "s3://" + arg);
    lastOperation = "ListObjectsV2";
    boolean empty = true;
    String token = null;
    do {
      ListObjectsV2Request.Builder req =
          ListObjectsV2Request.builder()
              .bucket(path.bucket())
              .prefix(path.key())
              .continuationToken(token);
      if (!recursive) {
        req.delimiter("/");
      }
      ListObjectsV2Response page = s3().listObjectsV2(req.build());
      for (CommonPrefix p : page.commonPrefixes()) {
        String[] parts = p.prefix().split("/", -1);
        out.print(String.format("%30s", "PRE") + " " + parts[parts.length - 2] + "/\n");
        empty = false;
      }
      for (S3Object o : page.contents()) {
        String name = recursive ? o.key() : o.key().substring(o.key().lastIndexOf('/') + 1);
        out.print(
            lastMod(o.lastModified()) + " " + String.format("%10d", o.size()) + " " + name + "\n");
        empty = false;
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return empty && !path.key().isEmpty() ? 1 : 0;
  }

  private int mb(String arg) {
    S3Path path = bucketPath(arg);
    String region = session.region(AwsService.S3API);
    CreateBucketRequest.Builder req = CreateBucketRequest.builder().bucket(path.bucket());
    if (!region.equals("us-east-1")) {
      req.createBucketConfiguration(
          CreateBucketConfiguration.builder().locationConstraint(region).build());
    }
    try {
      s3().createBucket(req.build());
    } catch (SdkException e) {
      err.print("make_bucket failed: " + arg + " " + message(e, "CreateBucket") + "\n");
      return 1;
    }
    out.print("make_bucket: " + path.bucket() + "\n");
    return 0;
  }

  private int rb(String arg, boolean force) {
    S3Path path = bucketPath(arg);
    if (force) {
      rm("s3://" + path.bucket() + "/", true);
    }
    try {
      s3().deleteBucket(b -> b.bucket(path.bucket()));
    } catch (SdkException e) {
      err.print("remove_bucket failed: " + arg + " " + message(e, "DeleteBucket") + "\n");
      return 1;
    }
    out.print("remove_bucket: " + path.bucket() + "\n");
    return 0;
  }

  private static S3Path bucketPath(String arg) {
    if (!S3Path.is(arg)) {
      throw AwsCliException.of(AwsCliException.PARAM, "<S3Uri>: " + arg + " is not a valid S3 URI");
    }
    return S3Path.parse(arg);
  }

  private int cp(List<String> args, boolean recursive) {
    if (args.size() < 2) {
      throw AwsCliException.usage(
          "the following arguments are required: " + (args.isEmpty() ? "paths" : "paths"));
    }
    String src = args.get(0);
    String dest = args.get(1);
    if (!S3Path.is(src) && !S3Path.is(dest)) {
      throw AwsCliException.of(AwsCliException.PARAM, "Error: Invalid argument type");
    }
    if (!S3Path.is(src)) {
      Path local = files.resolve(src);
      if (!Files.exists(local)) {
        throw AwsCliException.of(
            AwsCliException.GENERAL, "The user-provided path " + src + " does not exist.");
      }
      if (recursive && Files.isDirectory(local)) {
        return uploadDir(local, S3Path.parse(dest));
      }
      return upload(local, target(S3Path.parse(dest), local.getFileName().toString()));
    }
    S3Path from = S3Path.parse(src);
    if (S3Path.is(dest)) {
      S3Path to = target(S3Path.parse(dest), baseName(from.key()));
      try {
        s3().copyObject(
                c ->
                    c.sourceBucket(from.bucket())
                        .sourceKey(from.key())
                        .destinationBucket(to.bucket())
                        .destinationKey(to.key()));
      } catch (SdkException e) {
        err.print("copy failed: " + from + " to " + to + " " + message(e, "CopyObject") + "\n");
        return 1;
      }
      out.print("copy: " + from + " to " + to + "\n");
      return 0;
    }
    return download(from, dest);
  }

  private int upload(Path local, S3Path to) {
    String shown = relative(local);
    try {
      s3().putObject(p -> p.bucket(to.bucket()).key(to.key()), RequestBody.fromFile(local));
    } catch (SdkException e) {
      err.print("upload failed: " + shown + " to " + to + " " + message(e, "PutObject") + "\n");
      return 1;
    }
    out.print("upload: " + shown + " to " + to + "\n");
    return 0;
  }

  private int uploadDir(Path dir, S3Path to) {
    int rc = 0;
    String prefix = to.key().isEmpty() || to.key().endsWith("/") ? to.key() : to.key() + "/";
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        rc |= upload(f, new S3Path(to.bucket(), prefix + rel));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rc;
  }

  private int download(S3Path from, String dest) {
    Path local = files.resolve(dest);
    if (Files.isDirectory(local) || dest.endsWith("/")) {
      local = local.resolve(baseName(from.key()));
    }
    try {
      s3().headObject(h -> h.bucket(from.bucket()).key(from.key()));
    } catch (SdkException e) {
      String m = message(e, "HeadObject");
      if (m.startsWith("An error occurred (404)")) {
        m =
            "An error occurred (404) when calling the HeadObject operation: Key \""
                + from.key()
                + "\" does not exist";
      }
      err.print("fatal error: " + m + "\n");
      return 1;
    }
    String shown = relative(local);
    try {
      if (local.getParent() != null) {
        Files.createDirectories(local.getParent());
      }
      Files.write(
          local,
          s3().getObjectAsBytes(g -> g.bucket(from.bucket()).key(from.key())).asByteArrayUnsafe());
    } catch (SdkException e) {
      err.print("download failed: " + from + " to " + shown + " " + message(e, "GetObject") + "\n");
      return 1;
    } catch (IOException e) {
      err.print("download failed: " + from + " to " + shown + " " + e.getMessage() + "\n");
      return 1;
    }
    out.print("download: " + from + " to " + shown + "\n");
    return 0;
  }

  private int rm(String arg, boolean recursive) {
    S3Path path = bucketPath(arg);
    if (!recursive) {
      try {
        s3().deleteObject(d -> d.bucket(path.bucket()).key(path.key()));
      } catch (SdkException e) {
        err.print("delete failed: " + path + " " + message(e, "DeleteObject") + "\n");
        return 1;
      }
      out.print("delete: " + path + "\n");
      return 0;
    }
    int rc = 0;
    lastOperation = "ListObjectsV2";
    for (S3Object o :
        s3().listObjectsV2Paginator(l -> l.bucket(path.bucket()).prefix(path.key())).contents()) {
      S3Path each = new S3Path(path.bucket(), o.key());
      try {
        s3().deleteObject(d -> d.bucket(each.bucket()).key(each.key()));
        out.print("delete: " + each + "\n");
      } catch (SdkException e) {
        err.print("delete failed: " + each + " " + message(e, "DeleteObject") + "\n");
        rc = 1;
      }
    }
    return rc;
  }

  private static S3Path target(S3Path dest, String baseName) {
    return dest.key().isEmpty() || dest.key().endsWith("/")
        ? new S3Path(dest.bucket(), dest.key() + baseName)
        : dest;
  }

  private static String baseName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** awscli's {@code relative_path}: the file relative to the working directory, {@code ./f}. */
  private String relative(Path file) {
    Path cwd = files.resolve(".").normalize();
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    String rel = dir == null ? "." : cwd.relativize(dir).toString();
    return (rel.isEmpty() ? "." : rel) + "/" + abs.getFileName();
  }

  private String message(SdkException e, String operation) {
    return AwsSession.translate(e, operation, session.endpoint(AwsService.S3API)).stderr().strip();
  }
}
