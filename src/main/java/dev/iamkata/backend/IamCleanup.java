package dev.iamkata.backend;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Deletes IAM entities the way AWS insists: everything attached to an entity first (keys, inline
 * and managed policies, group memberships, instance profiles, policy versions), then the entity. An
 * entity already gone counts as deleted. Used by the external backend's reset and by the capability
 * probe to clean up after itself.
 */
final class IamCleanup {
  private IamCleanup() {}

  static void deleteUser(IamClient iam, String name) {
    try {
      iam.listAccessKeysPaginator(r -> r.userName(name)).accessKeyMetadata().stream()
          .forEach(k -> iam.deleteAccessKey(r -> r.userName(name).accessKeyId(k.accessKeyId())));
      iam.listUserPoliciesPaginator(r -> r.userName(name)).policyNames().stream()
          .forEach(p -> iam.deleteUserPolicy(r -> r.userName(name).policyName(p)));
      iam.listAttachedUserPoliciesPaginator(r -> r.userName(name)).attachedPolicies().stream()
          .forEach(p -> iam.detachUserPolicy(r -> r.userName(name).policyArn(p.policyArn())));
      iam.listGroupsForUserPaginator(r -> r.userName(name)).groups().stream()
          .forEach(g -> iam.removeUserFromGroup(r -> r.userName(name).groupName(g.groupName())));
      deleteLoginProfile(iam, name);
      iam.deleteUser(r -> r.userName(name));
    } catch (NoSuchEntityException gone) {
      // already deleted: what a cleanup wants
    }
  }

  static void deleteRole(IamClient iam, String name) {
    try {
      iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream()
          .forEach(p -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(p)));
      iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
          .forEach(p -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(p.policyArn())));
      iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles().stream()
          .forEach(
              p ->
                  iam.removeRoleFromInstanceProfile(
                      r -> r.roleName(name).instanceProfileName(p.instanceProfileName())));
      iam.deleteRole(r -> r.roleName(name));
    } catch (NoSuchEntityException gone) {
      // already deleted
    }
  }

  static void deleteGroup(IamClient iam, String name) {
    try {
      iam.getGroupPaginator(r -> r.groupName(name)).users().stream()
          .forEach(u -> iam.removeUserFromGroup(r -> r.groupName(name).userName(u.userName())));
      iam.listGroupPoliciesPaginator(r -> r.groupName(name)).policyNames().stream()
          .forEach(p -> iam.deleteGroupPolicy(r -> r.groupName(name).policyName(p)));
      iam.listAttachedGroupPoliciesPaginator(r -> r.groupName(name)).attachedPolicies().stream()
          .forEach(p -> iam.detachGroupPolicy(r -> r.groupName(name).policyArn(p.policyArn())));
      iam.deleteGroup(r -> r.groupName(name));
    } catch (NoSuchEntityException gone) {
      // already deleted
    }
  }

  static void deleteInstanceProfile(IamClient iam, String name) {
    try {
      iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile().roles().stream()
          .forEach(
              role ->
                  iam.removeRoleFromInstanceProfile(
                      r -> r.instanceProfileName(name).roleName(role.roleName())));
      iam.deleteInstanceProfile(r -> r.instanceProfileName(name));
    } catch (NoSuchEntityException gone) {
      // already deleted
    }
  }

  /** Detaches a customer-managed policy from everything, deletes its old versions, then it. */
  static void deletePolicy(IamClient iam, String arn) {
    try {
      var entities = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
      entities
          .policyUsers()
          .forEach(u -> iam.detachUserPolicy(r -> r.userName(u.userName()).policyArn(arn)));
      entities
          .policyRoles()
          .forEach(g -> iam.detachRolePolicy(r -> r.roleName(g.roleName()).policyArn(arn)));
      entities
          .policyGroups()
          .forEach(g -> iam.detachGroupPolicy(r -> r.groupName(g.groupName()).policyArn(arn)));
      iam.listPolicyVersions(r -> r.policyArn(arn)).versions().stream()
          .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
          .forEach(v -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v.versionId())));
      iam.deletePolicy(r -> r.policyArn(arn));
    } catch (NoSuchEntityException gone) {
      // already deleted
    }
  }

  /**
   * Most users have no console password, and some endpoints lack the operation: either way there is
   * nothing to delete. A password that is there and stays makes DeleteUser fail, which is reported.
   */
  private static void deleteLoginProfile(IamClient iam, String name) {
    try {
      iam.deleteLoginProfile(r -> r.userName(name));
    } catch (AwsServiceException none) {
      // no login profile, or no such operation here
    }
  }
}
