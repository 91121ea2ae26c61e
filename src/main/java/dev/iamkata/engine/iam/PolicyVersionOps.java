package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.changeablePolicy;
import static dev.iamkata.engine.iam.IamContext.deleteConflict;
import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;
import static dev.iamkata.engine.iam.IamContext.now;
import static dev.iamkata.engine.iam.Rows.row;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.ManagedPolicy;
import dev.iamkata.engine.state.PolicyVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;

/**
 * CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, SetDefaultPolicyVersion,
 * DeletePolicyVersion. An AWS managed policy shows its default version only, and cannot be changed.
 */
final class PolicyVersionOps {
  static final int MAX_VERSIONS = 5;

  private final IamContext ctx;

  PolicyVersionOps(IamContext ctx) {
    this.ctx = ctx;
  }

  List<Operation<?, ?>> operations() {
    return List.of(
        row(
            "CreatePolicyVersion",
            CreatePolicyVersionRequest::builder,
            (c, q) ->
                PolicyOps.policyArn(q.policyArn())
                    .document("policyDocument", q.policyDocument())
                    .done(),
            (c, q) -> q.policyArn(),
            this::create),
        row(
            "GetPolicyVersion",
            GetPolicyVersionRequest::builder,
            (c, q) -> versionId(q.policyArn(), q.versionId()).done(),
            (c, q) -> q.policyArn(),
            this::get),
        row(
            "ListPolicyVersions",
            ListPolicyVersionsRequest::builder,
            (c, q) -> PolicyOps.policyArn(q.policyArn()).paging(q.marker(), q.maxItems()).done(),
            (c, q) -> q.policyArn(),
            this::list),
        row(
            "SetDefaultPolicyVersion",
            SetDefaultPolicyVersionRequest::builder,
            (c, q) -> versionId(q.policyArn(), q.versionId()).done(),
            (c, q) -> q.policyArn(),
            this::setDefault),
        row(
            "DeletePolicyVersion",
            DeletePolicyVersionRequest::builder,
            (c, q) -> versionId(q.policyArn(), q.versionId()).done(),
            (c, q) -> q.policyArn(),
            this::delete));
  }

  private static Check versionId(String arn, String versionId) {
    return PolicyOps.policyArn(arn)
        .required("versionId", versionId)
        .pattern("versionId", versionId, Check.VERSION_ID);
  }

  /** The policy's versions, newest first as IAM lists them; AWS's show the default only. */
  private List<PolicyVersion> versions(Account account, String arn) {
    Arns.PolicyArn parsed = Arns.policy(arn);
    if (!parsed.awsManaged()) {
      ManagedPolicy policy =
          IamContext.localPolicy(account, parsed).orElseThrow(() -> IamContext.policyNotFound(arn));
      List<PolicyVersion> versions = new ArrayList<>(policy.versions);
      Collections.reverse(versions);
      return versions;
    }
    PolicyInfo info = ctx.existingPolicy(account, arn);
    PolicyVersion version = new PolicyVersion();
    version.versionId = info.defaultVersionId();
    version.document = info.document();
    version.createDate = info.updateDate();
    return List.of(version);
  }

  private String defaultVersion(Account account, String arn) {
    return ctx.existingPolicy(account, arn).defaultVersionId();
  }

  private static PolicyVersion version(List<PolicyVersion> versions, String arn, String id) {
    return versions.stream()
        .filter(v -> v.versionId.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                noSuchEntity(
                    "Policy " + arn + " version " + id + " does not exist or is not attachable."));
  }

  private CreatePolicyVersionResponse create(Caller caller, CreatePolicyVersionRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          ManagedPolicy policy =
              changeablePolicy(caller, account, "iam:CreatePolicyVersion", q.policyArn());
          PolicyDocs.checkManaged(ctx.validator, q.policyDocument());
          if (policy.versions.size() >= MAX_VERSIONS) {
            throw limitExceeded(
                "A managed policy can have up to "
                    + MAX_VERSIONS
                    + " versions. Before you create a new version, you must delete an existing"
                    + " version.");
          }
          PolicyVersion version = new PolicyVersion();
          version.versionId = "v" + policy.nextVersion++;
          version.document = q.policyDocument();
          version.createDate = now(caller);
          policy.versions.add(version);
          policy.updateDate = version.createDate;
          boolean isDefault = Boolean.TRUE.equals(q.setAsDefault());
          if (isDefault) {
            policy.defaultVersionId = version.versionId;
          }
          return CreatePolicyVersionResponse.builder()
              .policyVersion(Model.version(version, isDefault, false))
              .build();
        });
  }

  private GetPolicyVersionResponse get(Caller caller, GetPolicyVersionRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          List<PolicyVersion> versions = versions(account, q.policyArn());
          PolicyVersion version = version(versions, q.policyArn(), q.versionId());
          boolean isDefault = version.versionId.equals(defaultVersion(account, q.policyArn()));
          return GetPolicyVersionResponse.builder()
              .policyVersion(Model.version(version, isDefault, true))
              .build();
        });
  }

  private ListPolicyVersionsResponse list(Caller caller, ListPolicyVersionsRequest q) {
    return ctx.state.read(
        () -> {
          Account account = ctx.readable(caller);
          List<PolicyVersion> versions = versions(account, q.policyArn());
          String defaultId = defaultVersion(account, q.policyArn());
          Pages.Page<PolicyVersion> page =
              Pages.of(versions, v -> v.versionId, q.marker(), q.maxItems());
          return ListPolicyVersionsResponse.builder()
              .versions(
                  page.items().stream()
                      .map(v -> Model.version(v, v.versionId.equals(defaultId), false))
                      .toList())
              .isTruncated(page.truncated())
              .marker(page.marker())
              .build();
        });
  }

  private SetDefaultPolicyVersionResponse setDefault(
      Caller caller, SetDefaultPolicyVersionRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          ManagedPolicy policy =
              changeablePolicy(caller, account, "iam:SetDefaultPolicyVersion", q.policyArn());
          policy.defaultVersionId = version(policy.versions, policy.arn, q.versionId()).versionId;
          return SetDefaultPolicyVersionResponse.builder().build();
        });
  }

  private DeletePolicyVersionResponse delete(Caller caller, DeletePolicyVersionRequest q) {
    return ctx.state.write(
        () -> {
          Account account = ctx.writable(caller);
          ManagedPolicy policy =
              changeablePolicy(caller, account, "iam:DeletePolicyVersion", q.policyArn());
          PolicyVersion version = version(policy.versions, policy.arn, q.versionId());
          if (version.versionId.equals(policy.defaultVersionId)) {
            throw deleteConflict("Cannot delete the default version of a policy.");
          }
          policy.versions.remove(version);
          return DeletePolicyVersionResponse.builder().build();
        });
  }
}
