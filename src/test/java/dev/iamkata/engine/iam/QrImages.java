package dev.iamkata.engine.iam;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Test helper: reads a PNG's QR code back with ZXing, as an authenticator app's camera would. */
public final class QrImages {
  /** The first eight bytes of every PNG. */
  public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private QrImages() {}

  /** Whether {@code bytes} begin as a PNG does. */
  public static boolean isPng(byte[] bytes) {
    return bytes.length > 8 && Arrays.equals(Arrays.copyOf(bytes, 8), PNG_SIGNATURE);
  }

  /** The text of the QR code in PNG {@code png}. */
  public static String decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
    return new QRCodeReader().decode(bitmap).getText();
  }
}
