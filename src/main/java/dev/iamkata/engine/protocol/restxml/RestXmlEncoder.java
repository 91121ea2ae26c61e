package dev.iamkata.engine.protocol.restxml;

import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.protocol.Xml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as rest-xml: header members as headers ({@code x-amz-meta-} maps
 * entry by entry), the explicit payload member as the body (an XML element or raw text), or else
 * the body members under the operation's root element.
 */
final class RestXmlEncoder {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter XML_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RestXmlEncoder() {}

  static HttpResponse encode(RestXmlResult result, String root, String xmlns) {
    SdkPojo pojo = result.response();
    Map<String, String> headers = new LinkedHashMap<>();
    List<SdkField<?>> bodyFields = new ArrayList<>();
    byte[] body = result.body();
    String contentType = null;
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (field.location() == MarshallLocation.HEADER) {
        if (value instanceof Map<?, ?> map) {
          map.forEach((k, v) -> headers.put(field.locationName() + k, String.valueOf(v)));
        } else if (value != null) {
          headers.put(field.locationName(), header(value));
        }
      } else if (field.location() == MarshallLocation.PAYLOAD) {
        if (field.containsTrait(PayloadTrait.class)) {
          if (value instanceof SdkPojo nested && body == null) {
            Xml xml = new Xml().open(field.locationName(), xmlns);
            members(xml, nested);
            body = document(xml.close(field.locationName()));
            contentType = "application/xml";
          } else if (value instanceof String text && body == null) {
            body = text.getBytes(StandardCharsets.UTF_8);
          }
        } else {
          bodyFields.add(field);
        }
      }
    }
    if (body == null && root != null) {
      Xml xml = new Xml().open(root, xmlns);
      for (SdkField<?> field : bodyFields) {
        Object value = field.getValueOrDefault(pojo);
        if (value != null) {
          value(xml, field, field.locationName(), value);
        }
      }
      body = document(xml.close(root));
      contentType = "application/xml";
    }
    if (contentType != null) {
      headers.putIfAbsent("Content-Type", contentType);
    }
    return new HttpResponse(result.status(), headers, body == null ? new byte[0] : body);
  }

  private static byte[] document(Xml xml) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Object value) {
    if (value instanceof Instant instant) {
      return HTTP_DATE.format(instant);
    }
    return String.valueOf(value);
  }

  private static void members(Xml xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (value != null) {
        value(xml, field, field.locationName(), value);
      }
    }
  }

  private static void value(Xml xml, SdkField<?> field, String name, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.LIST) {
      if (value instanceof SdkAutoConstructList) {
        return;
      }
      ListTrait trait = field.getTrait(ListTrait.class);
      if (!trait.isFlattened()) {
        xml.open(name);
      }
      String memberName =
          trait.isFlattened()
              ? name
              : trait.memberLocationName() == null ? "member" : trait.memberLocationName();
      for (Object item : (List<?>) value) {
        value(xml, trait.memberFieldInfo(), memberName, item);
      }
      if (!trait.isFlattened()) {
        xml.close(name);
      }
    } else if (type == MarshallingType.MAP) {
      if (!(value instanceof SdkAutoConstructMap)) {
        throw new IllegalArgumentException("rest-xml maps are not supported: " + name);
      }
    } else if (type == MarshallingType.SDK_POJO) {
      xml.open(name);
      members(xml, (SdkPojo) value);
      xml.close(name);
    } else if (value instanceof Instant instant) {
      xml.element(name, XML_DATE.format(instant));
    } else if (value instanceof SdkBytes bytes) {
      xml.element(name, bytes.asUtf8String());
    } else {
      xml.element(name, String.valueOf(value));
    }
  }
}
