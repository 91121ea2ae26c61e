package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.alreadyExists;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.IamContext.user;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.Totp;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.MfaDevice;
import dev.iamkata.engine.state.User;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Virtual MFA devices: CreateVirtualMFADevice hands out a TOTP seed, EnableMFADevice ties the
 * device to a user once two consecutive codes prove the seed was loaded, DeactivateMFADevice and
 * DeleteVirtualMFADevice undo that, ResyncMFADevice re-proves it, and the two list operations show
 * it. STS checks the codes of enabled devices through {@link MfaCodes}.
 */
final class MfaOps {
  private static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]+");
  private static final Pattern CODE = Pattern.compile("[\\d]+");

  private final IamContext ctx;

  MfaOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreateVirtualMFADevice",
            CreateVirtualMfaDeviceRequest::builder,
            (c, q) ->
                Check.request()
                    .path("path", q.path())
                    .required("virtualMFADeviceName", q.virtualMFADeviceName())
                    .length("virtualMFADeviceName", q.virtualMFADeviceName(), 1, 226)
                    .pattern("virtualMFADeviceName", q.virtualMFADeviceName(), Check.NAME)
                    .tags(q.tags())
                    .done(),
            (c, q) ->
                Arns.of(c, "mfa", q.path() == null ? "/" : q.path(), q.virtualMFADeviceName()),
            this::create),
        row(
            "EnableMFADevice",
            EnableMfaDeviceRequest::builder,
            (c, q) ->
                twoCodes(
                    q.userName(),
                    q.serialNumber(),
                    q.authenticationCode1(),
                    q.authenticationCode2()),
            (c, q) -> ctx.userArn(c, q.userName()),
            this::enable),
        row(
            "ResyncMFADevice",
            ResyncMfaDeviceRequest::builder,
            (c, q) ->
                twoCodes(
                    q.userName(),
                    q.serialNumber(),
                    q.authenticationCode1(),
                    q.authenticationCode2()),
            (c, q) -> ctx.userArn(c, q.userName()),
            this::resync),
        row(
            "DeactivateMFADevice",
            DeactivateMfaDeviceRequest::builder,
            (c, q) -> {
              serial(Check.request().optionalName("userName", q.userName(), 128), q.serialNumber())
                  .done();
              UserOps.requireUserUnlessNamed(c, q.userName());
            },
            (c, q) -> ctx.userArn(c, target(c, q.userName())),
            this::deactivate),
        row(
            "DeleteVirtualMFADevice",
            DeleteVirtualMfaDeviceRequest::builder,
            (c, q) -> serial(Check.request(), q.serialNumber()).done(),
            (c, q) -> q.serialNumber(),
            this::delete),
        row(
            "ListMFADevices",
            ListMfaDevicesRequest::builder,
            (c, q) -> {
              Check.request()
                  .optionalName("userName", q.userName(), 128)
                  .paging(q.marker(), q.maxItems())
                  .done();
              UserOps.requireUserUnlessNamed(c, q.userName());
            },
            (c, q) -> ctx.userArn(c, target(c, q.userName())),
            this::listMfa),
        row(
            "ListVirtualMFADevices",
            ListVirtualMfaDevicesRequest::builder,
            (c, q) ->
                Check.request()
                    .oneOf(
                        "assignmentStatus",
                        q.assignmentStatusAsString(),
                        List.of("Assigned", "Unassigned", "Any"))
                    .paging(q.marker(), q.maxItems())
                    .done(),
            (c, q) -> "*",
            this::listVirtual));
  }

  private static Check serial(Check check, String serial) {
    return check
        .required("serialNumber", serial)
        .length("serialNumber", serial, 9, 256)
        .pattern("serialNumber", serial, SERIAL);
  }

  /** EnableMFADevice's and ResyncMFADevice's members: a user, a device and two codes. */
  private static void twoCodes(String userName, String serial, String code1, String code2) {
    Check check = serial(Check.request().name("userName", userName, 128), serial);
    check
        .required("authenticationCode1", code1)
        .length("authenticationCode1", code1, 6, 6)
        .pattern("authenticationCode1", code1, CODE)
        .required("authenticationCode2", code2)
        .length("authenticationCode2", code2, 6, 6)
        .pattern("authenticationCode2", code2, CODE)
        .done();
  }

  private static String target(Caller caller, String userName) {
    return userName != null ? userName : caller.name();
  }

  /** The device with this serial number, or NoSuchEntity as IAM words it. */
  static MfaDevice device(Account account, String serial) {
    return account.mfaDevices.values().stream()
        .filter(d -> d.serialNumber.equals(serial))
        .findFirst()
        .orElseThrow(
            () ->
                noSuchEntity("VirtualMFADevice with serial number " + serial + " doesn't exist."));
  }

  private CreateVirtualMfaDeviceResponse create(Caller caller, CreateVirtualMfaDeviceRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          if (q.hasTags()) {
            Tags.rejectDuplicates(q.tags());
          }
          String key = Account.key(q.virtualMFADeviceName());
          if (account.mfaDevices.containsKey(key)) {
            throw alreadyExists("MFADevice entity at the same path and name already exists.");
          }
          MfaDevice device = new MfaDevice();
          device.name = q.virtualMFADeviceName();
          device.path = q.path() == null ? "/" : q.path();
          device.serialNumber = account.iamArn("mfa" + device.path + device.name);
          device.seed = Totp.newSeed();
          if (q.hasTags()) {
            device.tags = Tags.merged(device.tags, q.tags(), "TagsPerMFADevice");
          }
          account.mfaDevices.put(key, device);
          // Both bootstrap forms, as IAM returns them: the seed to type in, the QR code to scan.
          String uri = MfaQrCode.uri(device.name, account.id, device.seed);
          return CreateVirtualMfaDeviceResponse.builder()
              .virtualMFADevice(
                  VirtualMFADevice.builder()
                      .serialNumber(device.serialNumber)
                      .base32StringSeed(SdkBytes.fromByteArray(Totp.seedBytes(device.seed)))
                      .qrCodePNG(SdkBytes.fromByteArray(MfaQrCode.png(uri)))
                      .tags(Model.tags(device.tags))
                      .build())
              .build();
        });
  }

  private EnableMfaDeviceResponse enable(Caller caller, EnableMfaDeviceRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          User user = user(account, q.userName());
          MfaDevice device = device(account, q.serialNumber());
          if (device.userName != null) {
            throw alreadyExists("MFA Device is already in use.");
          }
          prove(caller, device, q.authenticationCode1(), q.authenticationCode2());
          device.userName = user.name;
          device.enableDate = now(caller);
          return EnableMfaDeviceResponse.builder().build();
        });
  }

  private ResyncMfaDeviceResponse resync(Caller caller, ResyncMfaDeviceRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          User user = user(account, q.userName());
          MfaDevice device = enabledFor(account, user.name, q.serialNumber());
          prove(caller, device, q.authenticationCode1(), q.authenticationCode2());
          return ResyncMfaDeviceResponse.builder().build();
        });
  }

  /**
   * Two consecutive codes of a recent step pair: the device was loaded with the seed. Both steps
   * count as used, so neither code opens an STS session afterwards.
   */
  private static void prove(Caller caller, MfaDevice device, String code1, String code2) {
    long now = Totp.step(caller.time());
    for (long first = now - MfaCodes.WINDOW - 1; first <= now + MfaCodes.WINDOW - 1; first++) {
      if (first > device.lastUsedStep
          && Totp.codeAtStep(device.seed, first).equals(code1)
          && Totp.codeAtStep(device.seed, first + 1).equals(code2)) {
        device.lastUsedStep = first + 1;
        return;
      }
    }
    throw new AwsException(
        AwsError.INVALID_AUTHENTICATION_CODE, "Authentication code for device is not valid.");
  }

  private static MfaDevice enabledFor(Account account, String userName, String serial) {
    return account.mfaDevices.values().stream()
        .filter(d -> d.serialNumber.equals(serial) && d.userName != null)
        .filter(d -> Account.key(d.userName).equals(Account.key(userName)))
        .findFirst()
        .orElseThrow(
            () -> noSuchEntity("MFA Device with serial number " + serial + " does not exist."));
  }

  private DeactivateMfaDeviceResponse deactivate(Caller caller, DeactivateMfaDeviceRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          User user = user(account, target(caller, q.userName()));
          MfaDevice device = enabledFor(account, user.name, q.serialNumber());
          device.userName = null;
          device.enableDate = null;
          return DeactivateMfaDeviceResponse.builder().build();
        });
  }

  private DeleteVirtualMfaDeviceResponse delete(Caller caller, DeleteVirtualMfaDeviceRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          MfaDevice device = device(account, q.serialNumber());
          if (device.userName != null) {
            throw deleteConflict("MFA Device is still in use.");
          }
          account.mfaDevices.remove(Account.key(device.name));
          return DeleteVirtualMfaDeviceResponse.builder().build();
        });
  }

  private ListMfaDevicesResponse listMfa(Caller caller, ListMfaDevicesRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          String name = target(caller, q.userName());
          if (name == null) {
            // the root user's own devices: the engine models MFA for IAM users only
            return ListMfaDevicesResponse.builder().isTruncated(false).build();
          }
          User user = user(account, name);
          List<MfaDevice> mine =
              account.mfaDevices.values().stream()
                  .filter(
                      d ->
                          d.userName != null
                              && Account.key(d.userName).equals(Account.key(user.name)))
                  .toList();
          Pages.Page<MfaDevice> page = Pages.of(mine, d -> d.name, q.marker(), q.maxItems());
          return ListMfaDevicesResponse.builder()
              .mfaDevices(
                  page.items().stream()
                      .map(
                          d ->
                              MFADevice.builder()
                                  .userName(d.userName)
                                  .serialNumber(d.serialNumber)
                                  .enableDate(d.enableDate)
                                  .build())
                      .toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private ListVirtualMfaDevicesResponse listVirtual(Caller caller, ListVirtualMfaDevicesRequest q) {
    String status = q.assignmentStatusAsString() == null ? "Any" : q.assignmentStatusAsString();
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          List<MfaDevice> wanted =
              account.mfaDevices.values().stream()
                  .filter(
                      d ->
                          switch (status) {
                            case "Assigned" -> d.userName != null;
                            case "Unassigned" -> d.userName == null;
                            default -> true;
                          })
                  .toList();
          Pages.Page<MfaDevice> page = Pages.of(wanted, d -> d.name, q.marker(), q.maxItems());
          return ListVirtualMfaDevicesResponse.builder()
              .virtualMFADevices(page.items().stream().map(d -> listed(account, d)).toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private static VirtualMFADevice listed(Account account, MfaDevice device) {
    VirtualMFADevice.Builder b = VirtualMFADevice.builder().serialNumber(device.serialNumber);
    if (device.userName != null) {
      IamContext.find(account.users, device.userName)
          .ifPresent(u -> b.user(Model.user(u, Model.View.LIST)));
      b.enableDate(device.enableDate);
    }
    return b.build();
  }
}
