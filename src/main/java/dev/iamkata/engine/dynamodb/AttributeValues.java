package dev.iamkata.engine.dynamodb;

import java.math.BigDecimal;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How expressions compare and measure attribute values: numbers by value, bytes unsigned. */
final class AttributeValues {
  private AttributeValues() {}

  static boolean equal(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
    }
    return a.equals(b);
  }

  /** Orders two scalars of the same type (N, S, B); null when they cannot be compared. */
  static Integer compare(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return null;
    }
    if (a.n() != null && b.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
    }
    if (a.s() != null && b.s() != null) {
      return a.s().compareTo(b.s());
    }
    if (a.b() != null && b.b() != null) {
      return compareBytes(a.b(), b.b());
    }
    return null;
  }

  private static int compareBytes(SdkBytes a, SdkBytes b) {
    byte[] x = a.asByteArrayUnsafe();
    byte[] y = b.asByteArrayUnsafe();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = Integer.compare(x[i] & 0xFF, y[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  static boolean contains(AttributeValue a, AttributeValue b) {
    if (a == null || b == null) {
      return false;
    }
    if (a.s() != null && b.s() != null) {
      return a.s().contains(b.s());
    }
    if (a.hasSs() && b.s() != null) {
      return a.ss().contains(b.s());
    }
    if (a.hasNs() && b.n() != null) {
      return a.ns().stream().anyMatch(n -> new BigDecimal(n).compareTo(new BigDecimal(b.n())) == 0);
    }
    if (a.hasL()) {
      return a.l().stream().anyMatch(v -> equal(v, b));
    }
    return false;
  }

  static Integer size(AttributeValue v) {
    if (v == null) {
      return null;
    }
    if (v.s() != null) {
      return v.s().length();
    }
    if (v.b() != null) {
      return v.b().asByteArrayUnsafe().length;
    }
    if (v.hasL()) {
      return v.l().size();
    }
    if (v.hasM()) {
      return v.m().size();
    }
    if (v.hasSs()) {
      return v.ss().size();
    }
    if (v.hasNs()) {
      return v.ns().size();
    }
    if (v.hasBs()) {
      return v.bs().size();
    }
    return null;
  }
}
