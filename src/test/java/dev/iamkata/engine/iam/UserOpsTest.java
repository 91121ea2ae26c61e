package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.User;

class UserOpsTest extends IamTestSupport {

  User create(String name) {
    CreateUserResponse r = call("CreateUser", CreateUserRequest.builder().userName(name).build());
    return r.user();
  }

  @Test
  void createUserReturnsTheUserStampedWithTheRequestTimeInWholeSeconds() {
    User user = create("alice");
    assertEquals("alice", user.userName());
    assertEquals("/", user.path());
    assertEquals("arn:aws:iam::123456789012:user/alice", user.arn());
    assertTrue(user.userId().matches("AIDA[A-Z2-7]{17}"), user.userId());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), user.createDate());
    assertFalse(user.hasTags());
    assertNull(user.permissionsBoundary());
  }

  @Test
  void createUserWithPathTagsAndBoundary() {
    CreateUserResponse r =
        call(
            "CreateUser",
            CreateUserRequest.builder()
                .userName("bob")
                .path("/eng/team/")
                .permissionsBoundary(READ_ONLY_ARN)
                .tags(Tag.builder().key("Dept").value("eng").build())
                .build());
    assertEquals("arn:aws:iam::123456789012:user/eng/team/bob", r.user().arn());
    assertEquals(READ_ONLY_ARN, r.user().permissionsBoundary().permissionsBoundaryArn());
    assertEquals(
        "PermissionsBoundaryPolicy",
        r.user().permissionsBoundary().permissionsBoundaryTypeAsString());
    assertEquals(List.of(Tag.builder().key("Dept").value("eng").build()), r.user().tags());
  }

  @Test
  void userNamesAreUniqueWithoutRegardToCase() {
    create("Alice");
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "User with name ALICE already exists.",
        () -> create("ALICE"));
    GetUserResponse got = call("GetUser", GetUserRequest.builder().userName("alice").build());
    assertEquals("Alice", got.user().userName());
  }

  @Test
  void nameAndPathConstraintsAreValidationErrors() {
    String longName = "u".repeat(65);
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value '"
            + longName
            + "' at 'userName' failed to satisfy constraint: Member must have length less than"
            + " or equal to 64",
        () -> create(longName));
    fails(
        AwsError.VALIDATION_ERROR,
        "1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [\\w+=,.@-]+",
        () -> create("a b"));
    fails(
        AwsError.VALIDATION_ERROR,
        "2 validation errors detected: Value 'eng' at 'path' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern:"
            + " (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); Value null at 'userName' failed to"
            + " satisfy constraint: Member must not be null",
        () -> call("CreateUser", CreateUserRequest.builder().path("eng").build()));
  }

  @Test
  void unknownBoundaryIsRejected() {
    String arn = "arn:aws:iam::123456789012:policy/nope";
    fails(
        AwsError.NO_SUCH_ENTITY,
        "Scope ARN: " + arn + " does not exist or is not attachable.",
        () ->
            call(
                "CreateUser",
                CreateUserRequest.builder().userName("x").permissionsBoundary(arn).build()));
    fails(
        AwsError.INVALID_INPUT,
        "Value (not-an-arn-but-long-enough) for parameter PermissionsBoundary is invalid.",
        () ->
            call(
                "CreateUser",
                CreateUserRequest.builder()
                    .userName("x")
                    .permissionsBoundary("not-an-arn-but-long-enough")
                    .build()));
  }

  @Test
  void getUserWithoutNameIsTheCaller() {
    create("admin");
    GetUserResponse me = call("GetUser", GetUserRequest.builder().build());
    assertEquals("admin", me.user().userName());
  }

  @Test
  void getUserAsRootShowsTheRootUser() {
    create("admin");
    GetUserResponse r = call(root(), "GetUser", GetUserRequest.builder().build());
    assertEquals("arn:aws:iam::123456789012:root", r.user().arn());
    assertEquals("123456789012", r.user().userId());
    assertNull(r.user().userName());
    assertNull(r.user().path());
    assertEquals(Instant.parse("2026-03-01T10:15:30Z"), r.user().createDate());
  }

  @Test
  void getUserWithoutNameFromARoleSessionIsAValidationError() {
    fails(
        AwsError.VALIDATION_ERROR,
        "Must specify userName when calling with non-User credentials",
        () -> call(roleSession(), "GetUser", GetUserRequest.builder().build()));
  }

  @Test
  void getUnknownUser() {
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name ghost cannot be found.",
        () -> call("GetUser", GetUserRequest.builder().userName("ghost").build()));
  }

  @Test
  void listUsersIsAlphabeticalFilteredByPathAndOmitsTags() {
    call(
        "CreateUser",
        CreateUserRequest.builder()
            .userName("carol")
            .path("/ops/")
            .tags(Tag.builder().key("k").value("v").build())
            .build());
    create("Bob");
    create("alice");
    ListUsersResponse all = call("ListUsers", ListUsersRequest.builder().build());
    assertEquals(
        List.of("alice", "Bob", "carol"), all.users().stream().map(User::userName).toList());
    assertFalse(all.isTruncated());
    assertNull(all.marker());
    assertFalse(all.users().get(2).hasTags());
    ListUsersResponse ops =
        call("ListUsers", ListUsersRequest.builder().pathPrefix("/ops").build());
    assertEquals(List.of("carol"), ops.users().stream().map(User::userName).toList());
  }

  @Test
  void listUsersPaginates() {
    for (int i = 0; i < 5; i++) {
      create("user" + i);
    }
    List<String> seen = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      ListUsersResponse page =
          call("ListUsers", ListUsersRequest.builder().maxItems(2).marker(marker).build());
      page.users().forEach(u -> seen.add(u.userName()));
      marker = page.marker();
      assertEquals(marker != null, page.isTruncated());
      pages++;
    } while (marker != null);
    assertEquals(3, pages);
    assertEquals(List.of("user0", "user1", "user2", "user3", "user4"), seen);
  }

  @Test
  void deleteUserConflictsThenSucceeds() {
    create("dora");
    call(
        "PutUserPolicy",
        PutUserPolicyRequest.builder()
            .userName("dora")
            .policyName("p")
            .policyDocument(ALLOW_ALL)
            .build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must delete policies first.",
        () -> call("DeleteUser", DeleteUserRequest.builder().userName("dora").build()));
    call(
        "DeleteUserPolicy",
        software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest.builder()
            .userName("dora")
            .policyName("p")
            .build());
    call(
        "AttachUserPolicy",
        AttachUserPolicyRequest.builder().userName("dora").policyArn(ADMIN_ARN).build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must detach all policies first.",
        () -> call("DeleteUser", DeleteUserRequest.builder().userName("dora").build()));
    call(
        "DetachUserPolicy",
        software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest.builder()
            .userName("dora")
            .policyArn(ADMIN_ARN)
            .build());
    call("DeleteUser", DeleteUserRequest.builder().userName("DORA").build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name dora cannot be found.",
        () -> call("GetUser", GetUserRequest.builder().userName("dora").build()));
  }

  @Test
  void updateUserRenamesAndMoves() {
    create("erin");
    call(
        "UpdateUser",
        UpdateUserRequest.builder().userName("erin").newUserName("Erin2").newPath("/x/").build());
    GetUserResponse r = call("GetUser", GetUserRequest.builder().userName("erin2").build());
    assertEquals("Erin2", r.user().userName());
    assertEquals("arn:aws:iam::123456789012:user/x/Erin2", r.user().arn());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name erin cannot be found.",
        () -> call("GetUser", GetUserRequest.builder().userName("erin").build()));
    create("frank");
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "User with name Frank already exists.",
        () ->
            call(
                "UpdateUser",
                UpdateUserRequest.builder().userName("erin2").newUserName("Frank").build()));
    call("UpdateUser", UpdateUserRequest.builder().userName("frank").newUserName("FRANK").build());
    GetUserResponse renamed = call("GetUser", GetUserRequest.builder().userName("frank").build());
    assertEquals("FRANK", renamed.user().userName());
  }

  @Test
  void concurrentCreatorsLoseNoUpdatesAndDuplicatesAreRejected() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger duplicates = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      tasks.add(
          () -> {
            for (int i = 0; i < 50; i++) {
              create("t" + thread + "-u" + i);
              try {
                create("shared-" + i);
              } catch (AwsException e) {
                assertEquals(AwsError.ENTITY_ALREADY_EXISTS, e.error());
                duplicates.incrementAndGet();
              }
            }
            return null;
          });
    }
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    ListUsersResponse all = call("ListUsers", ListUsersRequest.builder().maxItems(1000).build());
    assertEquals(8 * 50 + 50, all.users().size());
    assertEquals(7 * 50, duplicates.get());
  }
}
