package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsError;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.User;

class GroupOpsTest extends IamTestSupport {

  @BeforeEach
  void users() {
    for (String name : List.of("zoe", "amy", "Max")) {
      call("CreateUser", CreateUserRequest.builder().userName(name).build());
    }
  }

  Group group(String name, String path) {
    CreateGroupResponse r =
        call("CreateGroup", CreateGroupRequest.builder().groupName(name).path(path).build());
    return r.group();
  }

  void add(String group, String user) {
    call("AddUserToGroup", AddUserToGroupRequest.builder().groupName(group).userName(user).build());
  }

  @Test
  void createAndGetGroupWithMembersInNameOrder() {
    Group g = group("Devs", "/eng/");
    assertEquals("arn:aws:iam::123456789012:group/eng/Devs", g.arn());
    assertTrue(g.groupId().matches("AGPA[A-Z2-7]{17}"));
    add("devs", "zoe");
    add("DEVS", "amy");
    add("devs", "amy");
    GetGroupResponse r = call("GetGroup", GetGroupRequest.builder().groupName("devs").build());
    assertEquals("Devs", r.group().groupName());
    assertEquals(List.of("amy", "zoe"), r.users().stream().map(User::userName).toList());
    assertFalse(r.isTruncated());
  }

  @Test
  void emptyGroupStillListsItsUsers() {
    group("empty", null);
    GetGroupResponse r = call("GetGroup", GetGroupRequest.builder().groupName("empty").build());
    assertEquals(List.of(), r.users());
    assertFalse(r.users() instanceof software.amazon.awssdk.core.util.SdkAutoConstructList);
  }

  @Test
  void groupNamesAreUniqueWithoutRegardToCase() {
    group("ops", null);
    fails(
        AwsError.ENTITY_ALREADY_EXISTS,
        "Group with name OPS already exists.",
        () -> group("OPS", null));
  }

  @Test
  void listGroupsAndGroupsForUser() {
    group("b", "/x/");
    group("a", null);
    group("c", null);
    add("a", "max");
    add("c", "max");
    ListGroupsResponse all = call("ListGroups", ListGroupsRequest.builder().build());
    assertEquals(List.of("a", "b", "c"), all.groups().stream().map(Group::groupName).toList());
    ListGroupsResponse x =
        call("ListGroups", ListGroupsRequest.builder().pathPrefix("/x/").build());
    assertEquals(List.of("b"), x.groups().stream().map(Group::groupName).toList());
    ListGroupsForUserResponse mine =
        call("ListGroupsForUser", ListGroupsForUserRequest.builder().userName("MAX").build());
    assertEquals(List.of("a", "c"), mine.groups().stream().map(Group::groupName).toList());
  }

  @Test
  void removeUserFromGroup() {
    group("g", null);
    add("g", "amy");
    call(
        "RemoveUserFromGroup",
        RemoveUserFromGroupRequest.builder().groupName("g").userName("amy").build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name amy cannot be found.",
        () ->
            call(
                "RemoveUserFromGroup",
                RemoveUserFromGroupRequest.builder().groupName("g").userName("amy").build()));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The group with name nope cannot be found.",
        () -> add("nope", "amy"));
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The user with name nobody cannot be found.",
        () -> add("g", "nobody"));
  }

  @Test
  void aUserJoinsAtMostTenGroups() {
    for (int i = 0; i < 10; i++) {
      group("g" + i, null);
      add("g" + i, "amy");
    }
    group("g10", null);
    fails(
        AwsError.LIMIT_EXCEEDED,
        "Cannot exceed quota for GroupsPerUser: 10",
        () -> add("g10", "amy"));
  }

  @Test
  void deleteGroupConflicts() {
    group("g", null);
    add("g", "amy");
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must remove users from group first.",
        () -> call("DeleteGroup", DeleteGroupRequest.builder().groupName("g").build()));
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must remove users from group first.",
        () -> call("DeleteUser", DeleteUserRequest.builder().userName("amy").build()));
    call(
        "RemoveUserFromGroup",
        RemoveUserFromGroupRequest.builder().groupName("g").userName("amy").build());
    call(
        "AttachGroupPolicy",
        AttachGroupPolicyRequest.builder().groupName("g").policyArn(ADMIN_ARN).build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must detach all policies first.",
        () -> call("DeleteGroup", DeleteGroupRequest.builder().groupName("g").build()));
    call(
        "DetachGroupPolicy",
        DetachGroupPolicyRequest.builder().groupName("g").policyArn(ADMIN_ARN).build());
    call(
        "PutGroupPolicy",
        PutGroupPolicyRequest.builder()
            .groupName("g")
            .policyName("inline")
            .policyDocument(ALLOW_ALL)
            .build());
    fails(
        AwsError.DELETE_CONFLICT,
        "Cannot delete entity, must delete policies first.",
        () -> call("DeleteGroup", DeleteGroupRequest.builder().groupName("g").build()));
    call(
        "DeleteGroupPolicy",
        software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest.builder()
            .groupName("g")
            .policyName("INLINE")
            .build());
    call("DeleteGroup", DeleteGroupRequest.builder().groupName("G").build());
    fails(
        AwsError.NO_SUCH_ENTITY,
        "The group with name g cannot be found.",
        () -> call("GetGroup", GetGroupRequest.builder().groupName("g").build()));
  }

  @Test
  void getGroupPaginatesItsUsers() {
    group("all", null);
    add("all", "zoe");
    add("all", "amy");
    add("all", "max");
    GetGroupResponse first =
        call("GetGroup", GetGroupRequest.builder().groupName("all").maxItems(2).build());
    assertTrue(first.isTruncated());
    assertEquals(List.of("amy", "Max"), first.users().stream().map(User::userName).toList());
    GetGroupResponse second =
        call("GetGroup", GetGroupRequest.builder().groupName("all").marker(first.marker()).build());
    assertFalse(second.isTruncated());
    assertEquals(List.of("zoe"), second.users().stream().map(User::userName).toList());
  }
}
