package dev.iamkata.engine.iam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The {@code QRCodePNG} of CreateVirtualMFADevice: a QR code of the otpauth URI an authenticator
 * app scans to load the device's seed.
 *
 * <p>The URI follows what IAM's own codes hold, {@code otpauth://totp/Amazon%20Web%20Services:
 * NAME@ACCOUNT?secret=SEED&issuer=Amazon%20Web%20Services}: the API reference documents {@code
 * otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String} (AccountName being the
 * account's alias if set, else its ID; the engine models no aliases), and the codes AWS hands out
 * in practice add the issuer as label prefix and parameter, which is how apps show "Amazon Web
 * Services". moto was no guide here: it returns random bytes in place of a PNG. The image is 250 by
 * 250 RGB pixels, the size IAM's PNGs have.
 */
final class MfaQrCode {
  private static final String ISSUER = "Amazon%20Web%20Services";
  private static final int SIZE = 250;

  private MfaQrCode() {}

  /** The otpauth URI of device {@code name} in account {@code account} with Base32 {@code seed}. */
  static String uri(String name, String account, String seed) {
    return "otpauth://totp/"
        + ISSUER
        + ":"
        + name
        + "@"
        + account
        + "?secret="
        + seed
        + "&issuer="
        + ISSUER;
  }

  /** A PNG of the QR code encoding {@code text}: black modules on white, with the quiet zone. */
  static byte[] png(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE);
    } catch (WriterException e) {
      // an otpauth URI of IAM-sized names is far below a QR code's capacity
      throw new IllegalStateException("cannot encode the MFA QR code", e);
    }
    BufferedImage image =
        new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
