package dev.iamkata.engine.protocol.restxml;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Fills an SDK request builder from a rest-xml request, member by member where the model puts it:
 * path labels, query parameters, headers (with {@code x-amz-meta-} maps) and the payload, either an
 * XML document or the raw body.
 */
final class RestXmlDecoder {
  private RestXmlDecoder() {}

  static Object decode(
      SdkPojo builder, HttpRequest request, Map<String, String> labels, byte[] payload) {
    Map<String, String> query = query(request.rawQuery());
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = read(field, request, labels, query, payload);
      if (value != null) {
        field.set(builder, value);
      }
    }
    return ((Buildable) builder).build();
  }

  private static Object read(
      SdkField<?> field,
      HttpRequest request,
      Map<String, String> labels,
      Map<String, String> query,
      byte[] payload) {
    MarshallLocation location = field.location();
    String name = field.locationName();
    switch (location) {
      case PATH, GREEDY_PATH -> {
        String raw = labels.get(name);
        return raw == null ? null : scalar(field.marshallingType(), name, raw, false);
      }
      case QUERY_PARAM -> {
        String raw = query.get(name);
        return raw == null ? null : scalar(field.marshallingType(), name, raw, false);
      }
      case HEADER -> {
        if (field.marshallingType() == MarshallingType.MAP) {
          String prefix = name.toLowerCase(Locale.ROOT);
          Map<String, String> map = new LinkedHashMap<>();
          request
              .headers()
              .forEach(
                  (k, v) -> {
                    if (k.startsWith(prefix) && !v.isEmpty()) {
                      map.put(k.substring(prefix.length()), v.get(0));
                    }
                  });
          return map.isEmpty() ? null : map;
        }
        String raw = request.header(name.toLowerCase(Locale.ROOT));
        return raw == null ? null : scalar(field.marshallingType(), name, raw, true);
      }
      case PAYLOAD -> {
        if (!field.containsTrait(PayloadTrait.class) || payload.length == 0) {
          return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
          Element root = parse(payload);
          SdkPojo nested = field.constructor().get();
          fill(nested, root);
          return ((Buildable) nested).build();
        }
        if (type == MarshallingType.SDK_BYTES) {
          return SdkBytes.fromByteArray(payload);
        }
        return new String(payload, StandardCharsets.UTF_8);
      }
      default -> {
        return null;
      }
    }
  }

  /** Reads an XML element's children into a builder. */
  private static void fill(SdkPojo builder, Element element) {
    for (SdkField<?> field : builder.sdkFields()) {
      Object value = xmlValue(field, element);
      if (value != null) {
        field.set(builder, value);
      }
    }
  }

  private static Object xmlValue(SdkField<?> field, Element parent) {
    MarshallingType<?> type = field.marshallingType();
    String name = field.locationName();
    if (type == MarshallingType.LIST) {
      ListTrait trait = field.getTrait(ListTrait.class);
      List<Element> items;
      String memberName;
      if (trait.isFlattened()) {
        items = children(parent, name);
      } else {
        List<Element> wrapper = children(parent, name);
        if (wrapper.isEmpty()) {
          return null;
        }
        memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
        items = children(wrapper.get(0), memberName);
      }
      if (items.isEmpty() && trait.isFlattened()) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      for (Element item : items) {
        out.add(element(trait.memberFieldInfo(), item));
      }
      return out;
    }
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : element(field, found.get(0));
  }

  private static Object element(SdkField<?> field, Element element) {
    if (field.marshallingType() == MarshallingType.SDK_POJO) {
      SdkPojo nested = field.constructor().get();
      fill(nested, element);
      return ((Buildable) nested).build();
    }
    return scalar(field.marshallingType(), element.getTagName(), element.getTextContent(), false);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
      // the parser would print its complaints to stderr; the caller gets MalformedXML instead
      builder.setErrorHandler(
          new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e)
                throws org.xml.sax.SAXParseException {
              throw e;
            }
          });
      return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (Exception e) {
      throw new AwsException(
          AwsError.MALFORMED_XML,
          "The XML you provided was not well-formed or did not validate against our published"
              + " schema");
    }
  }

  static Object scalar(MarshallingType<?> type, String name, String raw, boolean header) {
    try {
      if (type == MarshallingType.STRING) {
        return raw;
      } else if (type == MarshallingType.INTEGER) {
        return Integer.valueOf(raw.trim());
      } else if (type == MarshallingType.LONG) {
        return Long.valueOf(raw.trim());
      } else if (type == MarshallingType.BOOLEAN) {
        return Boolean.valueOf(raw.trim());
      } else if (type == MarshallingType.INSTANT) {
        return header
            ? ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
            : Instant.parse(raw.trim());
      } else if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromUtf8String(raw);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new AwsException(AwsError.INVALID_ARGUMENT, "Invalid argument: " + name);
    }
    return null;
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
