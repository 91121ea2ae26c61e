package dev.iamkata.engine.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;

/**
 * The parameters both Simulate operations share, and the request checks on them, so the two
 * operations validate their common members identically.
 */
record SimulationParams(
    List<String> policyInputList,
    List<String> boundaryInputList,
    List<String> actionNames,
    List<String> resourceArns,
    String resourcePolicy,
    String resourceOwner,
    String callerArn,
    List<ContextEntry> contextEntries,
    String resourceHandlingOption,
    Integer maxItems,
    String marker) {

  static SimulationParams of(SimulateCustomPolicyRequest q) {
    return new SimulationParams(
        q.hasPolicyInputList() ? q.policyInputList() : null,
        q.hasPermissionsBoundaryPolicyInputList() ? q.permissionsBoundaryPolicyInputList() : null,
        q.hasActionNames() ? q.actionNames() : null,
        q.hasResourceArns() ? q.resourceArns() : null,
        q.resourcePolicy(),
        q.resourceOwner(),
        q.callerArn(),
        q.hasContextEntries() ? q.contextEntries() : null,
        q.resourceHandlingOption(),
        q.maxItems(),
        q.marker());
  }

  static SimulationParams of(SimulatePrincipalPolicyRequest q) {
    return new SimulationParams(
        q.hasPolicyInputList() ? q.policyInputList() : null,
        q.hasPermissionsBoundaryPolicyInputList() ? q.permissionsBoundaryPolicyInputList() : null,
        q.hasActionNames() ? q.actionNames() : null,
        q.hasResourceArns() ? q.resourceArns() : null,
        q.resourcePolicy(),
        q.resourceOwner(),
        q.callerArn(),
        q.hasContextEntries() ? q.contextEntries() : null,
        q.resourceHandlingOption(),
        q.maxItems(),
        q.marker());
  }

  Check check(Check check) {
    documents(check, "policyInputList", policyInputList);
    documents(check, "permissionsBoundaryPolicyInputList", boundaryInputList);
    check.required("actionNames", actionNames);
    strings(check, "actionNames", actionNames, 3, 128);
    strings(check, "resourceArns", resourceArns, 1, 2048);
    if (resourcePolicy != null) {
      check.document("resourcePolicy", resourcePolicy);
    }
    check
        .length("resourceOwner", resourceOwner, 1, 2048)
        .length("callerArn", callerArn, 1, 2048)
        .length("resourceHandlingOption", resourceHandlingOption, 1, 64);
    if (contextEntries != null) {
      for (int i = 0; i < contextEntries.size(); i++) {
        ContextEntry entry = contextEntries.get(i);
        String prefix = "contextEntries." + (i + 1) + ".member.";
        check
            .length(prefix + "contextKeyName", entry.contextKeyName(), 5, 256)
            .oneOf(
                prefix + "contextKeyType",
                entry.contextKeyTypeAsString(),
                SimulationContext.CONTEXT_KEY_TYPES);
      }
    }
    return check.paging(marker, maxItems);
  }

  List<String> resources() {
    return resourceArns == null ? List.of() : resourceArns;
  }

  static void documents(Check check, String member, List<String> documents) {
    if (documents != null) {
      for (int i = 0; i < documents.size(); i++) {
        check.document(member + "." + (i + 1) + ".member", documents.get(i));
      }
    }
  }

  private static void strings(Check check, String member, List<String> values, int min, int max) {
    if (values != null) {
      for (int i = 0; i < values.size(); i++) {
        check.length(member + "." + (i + 1) + ".member", values.get(i), min, max);
      }
    }
  }
}
