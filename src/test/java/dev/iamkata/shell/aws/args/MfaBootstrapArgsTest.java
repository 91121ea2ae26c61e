package dev.iamkata.shell.aws.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.shell.aws.AwsCliException;
import dev.iamkata.shell.aws.AwsService;
import dev.iamkata.shell.aws.OperationModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;

/**
 * {@code iam create-virtual-mfa-device}'s two required flags from awscli's {@code iamvirtmfa.py}:
 * taken out of the request, checked before any call, with argparse's messages.
 */
class MfaBootstrapArgsTest {
  private static ParamParser parser() {
    OperationModel op = OperationModel.of(AwsService.IAM).get("create-virtual-mfa-device");
    return new ParamParser(op, new ParamFiles(Path.of("."), null));
  }

  @Test
  void outfileAndMethodAreTheCustomizationsNotRequestMembers() {
    ParamParser p = parser();
    CreateVirtualMfaDeviceRequest r =
        (CreateVirtualMfaDeviceRequest)
            p.parse(
                List.of(
                    "--virtual-mfa-device-name",
                    "phone",
                    "--outfile",
                    "seed.txt",
                    "--bootstrap-method",
                    "Base32StringSeed"));
    assertEquals("phone", r.virtualMFADeviceName());
    assertEquals("seed.txt", p.mfaOutfile());
    assertEquals("Base32StringSeed", p.bootstrapMethod());
  }

  @Test
  void bothAreRequired() {
    AwsCliException e =
        assertThrows(
            AwsCliException.class,
            () -> parser().parse(List.of("--virtual-mfa-device-name", "phone")));
    assertTrue(
        e.stderr().contains("the following arguments are required: --outfile, --bootstrap-method"),
        e.stderr());
  }

  @Test
  void theMethodIsOneOfTwoChoices() {
    AwsCliException e =
        assertThrows(
            AwsCliException.class,
            () ->
                parser()
                    .parse(
                        List.of(
                            "--virtual-mfa-device-name",
                            "phone",
                            "--outfile",
                            "q.png",
                            "--bootstrap-method",
                            "PNG")));
    assertTrue(
        e.stderr()
            .contains(
                "argument --bootstrap-method: invalid choice: 'PNG' (choose from 'QRCodePNG',"
                    + " 'Base32StringSeed')"),
        e.stderr());
  }
}
