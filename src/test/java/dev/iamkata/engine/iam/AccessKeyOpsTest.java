package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.state.AccessKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;

class AccessKeyOpsTest extends IamTestSupport {

  @BeforeEach
  void users() {
    call("CreateUser", CreateUserRequest.builder().userName("admin").build());
    call("CreateUser", CreateUserRequest.builder().userName("Bob").build());
  }

  software.amazon.awssdk.services.iam.model.AccessKey key(String user) {
    CreateAccessKeyResponse r =
        call("CreateAccessKey", CreateAccessKeyRequest.builder().userName(user).build());
    return r.accessKey();
  }

  List<AccessKeyMetadata> keys(String user) {
    ListAccessKeysResponse r =
        call("ListAccessKeys", ListAccessKeysRequest.builder().userName(user).build());
    assertFalse(r.isTruncated());
    return r.accessKeyMetadata();
  }

  @Test
  void createAccessKeyIsActiveAndIndexedForAuthentication() {
    var key = key("bob");
    assertEquals("Bob", key.userName());
    assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"));
    assertEquals(40, key.secretAccessKey().length());
    assertEquals(StatusType.ACTIVE, key.status());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), key.createDate());
    AccessKey stored = state.accessKeys.get(key.accessKeyId());
    assertEquals(ACCOUNT, stored.account);
    assertEquals("Bob", stored.userName);
    assertEquals(key.secretAccessKey(), stored.secret);
  }

  @Test
  void withoutUserNameTheCallerGetsTheKey() {
    CreateAccessKeyResponse r = call("CreateAccessKey", CreateAccessKeyRequest.builder().build());
    assertEquals("admin", r.accessKey().userName());
    ListAccessKeysResponse list = call("ListAccessKeys", ListAccessKeysRequest.builder().build());
    assertEquals(1, list.accessKeyMetadata().size());
  }

  @Test
  void roleSessionsMustNameTheUser() {
    fails(
        AwsError.VALIDATION_ERROR,
        "Must specify userName when calling with non-User credentials",
        () -> call(roleSession(), "CreateAccessKey", CreateAccessKeyRequest.builder().build()));
  }

  @Test
  void rootKeysBelongToNoUser() {
    CreateAccessKeyResponse r =
        call(root(), "CreateAccessKey", CreateAccessKeyRequest.builder().build());
    assertNull(r.accessKey().userName());
    assertNull(state.accessKeys.get(r.accessKey().accessKeyId()).userName);
    ListAccessKeysResponse list =
        call(root(), "ListAccessKeys", ListAccessKeysRequest.builder().build());
    assertEquals(1, list.accessKeyMetadata().size());
    assertEquals(List.of(), keys("admin"));
  }

  @Test
  void atMostTwoKeysPerUser() {
    key("bob");
    key("bob");
    fails(
        AwsError.LIMIT_EXCEEDED, "Cannot exceed quota for AccessKeysPerUser: 2", () -> key("bob"));
    key("admin");
  }

  @Test
  void updateAndDeleteKeys() {
    var key = key("bob");
    call(
        "UpdateAccessKey",
        UpdateAccessKeyRequest.builder()
            .userName("bob")
            .accessKeyId(key.accessKeyId())
            .status(StatusType.INACTIVE)
            .build());
    assertEquals(StatusType.INACTIVE, keys("bob").get(0).status());
    assertFalse(state.accessKeys.get(key.accessKeyId()).active);
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The Access Key with id " + key.accessKeyId() + " cannot be found.",
        () ->
            call(
                "DeleteAccessKey",
                DeleteAccessKeyRequest.builder()
                    .userName("admin")
                    .accessKeyId(key.accessKeyId())
                    .build()));
    call(
        "DeleteAccessKey",
        DeleteAccessKeyRequest.builder().userName("bob").accessKeyId(key.accessKeyId()).build());
    assertEquals(List.of(), keys("bob"));
    assertFalse(state.accessKeys.containsKey(key.accessKeyId()));
  }

  @Test
  void statusMustBeActiveOrInactive() {
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'Paused' at 'status' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [Active, Inactive]",
        () ->
            call(
                "UpdateAccessKey",
                UpdateAccessKeyRequest.builder()
                    .accessKeyId("AKIAEXAMPLE00000000")
                    .status("Paused")
                    .build()));
  }

  @Test
  void aUserWithKeysCannotBeDeletedAndItsKeysGoWithItOnceDeleted() {
    var first = key("bob");
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must delete access keys first.",
        () -> call("DeleteUser", DeleteUserRequest.builder().userName("bob").build()));
    call(
        "DeleteAccessKey",
        DeleteAccessKeyRequest.builder().userName("bob").accessKeyId(first.accessKeyId()).build());
    call("DeleteUser", DeleteUserRequest.builder().userName("bob").build());
    assertTrue(state.accessKeys.values().stream().noneMatch(k -> "Bob".equals(k.userName)));
  }

  @Test
  void renamingAUserKeepsItsKeys() {
    var key = key("bob");
    call("UpdateUser", UpdateUserRequest.builder().userName("bob").newUserName("robert").build());
    assertEquals("robert", state.accessKeys.get(key.accessKeyId()).userName);
    assertEquals(
        List.of(key.accessKeyId()),
        keys("robert").stream().map(AccessKeyMetadata::accessKeyId).toList());
  }

  @Test
  void unknownUser() {
    fails(
        AwsError.NO_SUCH_ENTITY, "The user with name ghost cannot be found.", () -> keys("ghost"));
  }
}
