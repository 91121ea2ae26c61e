package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.auth.Totp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QRCodePNG: the otpauth URI IAM encodes, drawn as a PNG a QR reader decodes back. */
class MfaQrCodeTest {
  @Test
  void theUriNamesTheIssuerTheDeviceAndTheAccount() {
    assertEquals(
        "otpauth://totp/Amazon%20Web%20Services:carol-phone@123456789012"
            + "?secret=ABCDEFGH234567&issuer=Amazon%20Web%20Services",
        MfaQrCode.uri("carol-phone", "123456789012", "ABCDEFGH234567"));
  }

  @Test
  void thePngDecodesToTheExactUri() throws Exception {
    String uri = MfaQrCode.uri("dev.user+phone@work", "123456789012", Totp.newSeed());
    byte[] png = MfaQrCode.png(uri);
    assertTrue(QrImages.isPng(png));
    assertEquals(uri, QrImages.decode(png));
  }

  @Test
  void theImageIsIamsSize() throws Exception {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(MfaQrCode.png(MfaQrCode.uri("d", "1", "AB"))));
    assertEquals(250, image.getWidth());
    assertEquals(250, image.getHeight());
  }
}
