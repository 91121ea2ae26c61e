package dev.iamkata.engine.protocol.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class QueryCodecTest {
  @Test
  void decodesScalarsListsAndNestedShapes() {
    Map<String, String> params =
        Map.of(
            "Action", "CreateRole",
            "RoleName", "dev-role",
            "MaxSessionDuration", "7200",
            "Tags.member.1.Key", "team",
            "Tags.member.1.Value", "kata",
            "Tags.member.2.Key", "env",
            "Tags.member.2.Value", "dev");
    CreateRoleRequest r =
        (CreateRoleRequest)
            QueryDecoder.decode(
                (software.amazon.awssdk.core.SdkPojo) CreateRoleRequest.builder(), params);
    assertEquals("dev-role", r.roleName());
    assertEquals(7200, r.maxSessionDuration());
    assertEquals(2, r.tags().size());
    assertEquals("env", r.tags().get(1).key());
    assertNull(r.description());
  }

  @Test
  void decodesStsPolicyArnsWithTheirLowerCaseMember() {
    AssumeRoleRequest r =
        (AssumeRoleRequest)
            QueryDecoder.decode(
                (software.amazon.awssdk.core.SdkPojo) AssumeRoleRequest.builder(),
                Map.of("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertEquals("arn:aws:iam::aws:policy/ReadOnlyAccess", r.policyArns().get(0).arn());
  }

  @Test
  void badNumbersAreValidationErrors() {
    AwsException e =
        assertThrows(
            AwsException.class,
            () ->
                QueryDecoder.decode(
                    (software.amazon.awssdk.core.SdkPojo) CreateRoleRequest.builder(),
                    Map.of("MaxSessionDuration", "lots")));
    assertEquals("ValidationError", e.error().code());
  }

  @Test
  void encodesResultsWithMemberListsAndTimestamps() {
    ListUsersResponse response =
        ListUsersResponse.builder()
            .users(
                User.builder()
                    .userName("dev-user")
                    .path("/")
                    .createDate(Instant.parse("2026-11-23T10:00:00Z"))
                    .build())
            .isTruncated(false)
            .build();
    String xml = QueryEncoder.response("ListUsers", "urn:ns", response, "req-1");
    assertEquals(
        "<ListUsersResponse xmlns=\"urn:ns\"><ListUsersResult><Users><member><Path>/</Path>"
            + "<UserName>dev-user</UserName><CreateDate>2026-11-23T10:00:00Z</CreateDate>"
            + "</member></Users><IsTruncated>false</IsTruncated></ListUsersResult>"
            + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
            + "</ListUsersResponse>",
        xml);
  }

  @Test
  void anEmptyListIsWrittenButAnUnsetOneIsNot() {
    String empty =
        QueryEncoder.response(
            "ListUsers", "urn:ns", ListUsersResponse.builder().users(List.of()).build(), "r");
    assertTrue(empty.contains("<Users></Users>") || empty.contains("<Users/>"), empty);
    String unset =
        QueryEncoder.response("ListUsers", "urn:ns", ListUsersResponse.builder().build(), "r");
    assertTrue(!unset.contains("<Users"), unset);
  }

  @Test
  void errorsUseTheQueryEnvelope() {
    assertEquals(
        "<ErrorResponse xmlns=\"urn:ns\"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>"
            + "<Message>The role with name x &amp; y cannot be found.</Message></Error>"
            + "<RequestId>r</RequestId></ErrorResponse>",
        QueryEncoder.error(
            "urn:ns", true, "NoSuchEntity", "The role with name x & y cannot be found.", "r"));
  }
}
